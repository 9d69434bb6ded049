// The organiser's booth moderation commands, ready for the console to register:
// "booth pending", "booth approve BOOTH", "booth reject BOOTH REASON...". Text in, text out.
#pragma once

#include "server/publish/PublishService.h"

#include <string>
#include <string_view>

namespace fg::publish {

// True when LINE is a "booth ..." moderation command (so the console can route it here).
bool isBoothCommand(std::string_view line);
// Runs one moderation command; the error is the usage or why it failed ("booth x: nothing
// pending").
Result<std::string> runBoothCommand(PublishService& service, std::string_view line);

} // namespace fg::publish
