// The organiser's booth moderation commands, ready for the console to register:
// "booth pending", "booth approve BOOTH", "booth reject BOOTH REASON...". Text in, text out.
#pragma once

#include "server/publish/PublishService.h"

#include <string>
#include <string_view>

namespace fg::publish {

// True when LINE is a "booth ..." moderation command (so the console can route it here).
bool isBoothCommand(std::string_view line);
// The approval and rejection as `booth approve|reject` run them (an organiser's client too):
// the line they print, or why they failed. A rejection needs a reason the exhibitor can read.
Result<std::string> approveBooth(PublishService& service, const std::string& boothId);
Result<std::string> rejectBooth(PublishService& service, const std::string& boothId,
                                const std::string& reason);
// Runs one moderation command; the error is the usage or why it failed ("booth x: nothing
// pending").
Result<std::string> runBoothCommand(PublishService& service, std::string_view line);

} // namespace fg::publish
