// A minimal, valid one-page PDF (Helvetica text lines) written by hand for sample documents.
// Text only, ASCII only; it must not grow into a general PDF library.
#pragma once

#include <string>
#include <vector>

namespace fg::sample {

// A4 page with a large title and body lines; non-ASCII characters are replaced.
std::string makePdf(const std::string& title, const std::vector<std::string>& lines);

} // namespace fg::sample
