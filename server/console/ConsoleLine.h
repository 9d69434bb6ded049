// Splits one console line into words: spaces separate, "double" or 'single' quotes group,
// backslash escapes inside double quotes. Pure text handling; knows nothing of commands.
#pragma once

#include "engine/core/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace fg::console {

// Errors name the column of an unterminated quote or a dangling backslash.
Result<std::vector<std::string>> splitWords(std::string_view line);

// Quotes a word for display when it holds spaces or quotes, so it can be pasted back.
std::string quoteWord(std::string_view word);

} // namespace fg::console
