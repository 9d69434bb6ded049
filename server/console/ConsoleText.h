// Text helpers for console output: aligned tables, durations ("2h", "1h 05m"), byte rates.
// Formatting only; no commands, no host or store access.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::console {

// A table printed with each column as wide as its widest cell; numeric columns align right.
class Table {
public:
    explicit Table(std::vector<std::string> headers);
    // Marks column INDEX as right-aligned (numbers).
    Table& alignRight(std::size_t index);
    void addRow(std::vector<std::string> cells);
    std::size_t rows() const { return m_rows.size(); }
    std::string render() const;

private:
    std::vector<std::string> m_headers;
    std::vector<bool> m_right;
    std::vector<std::vector<std::string>> m_rows;
};

// "30s", "30m", "2h", "7d", or combinations such as "1h30m"; at most 3650 days.
Result<std::int64_t> parseDuration(std::string_view text);
// 3725 -> "1h 02m 05s"; 0 -> "0s".
std::string formatDuration(double seconds);
// 1536.0 -> "1.5 KiB"
std::string formatBytes(double bytes);

} // namespace fg::console
