// Internal to fg_expo: the validator's problem collector and its rule groups, shared by the
// reader (which suppresses rules on values it already reported) and the validator .cpp files.
#pragma once

#include "game/expo/ExhibitionJson.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace fg::expo::detail {

// Overlap and containment ignore slivers thinner than this (metres) so float noise in
// hand-written coordinates does not turn touching edges into an overlap.
inline constexpr float kGeometryTolerance = 1e-3f;

// Collects problems for one file; skips any rule on a path the reader already reported as
// broken (or inside one), so one wrong value yields one problem, not a cascade.
class Checker {
public:
    Checker(std::string fileLabel, const std::unordered_set<std::string>* broken)
        : m_file(std::move(fileLabel)), m_broken(broken) {}

    // True when neither PATH nor any path enclosing it was reported by the reader.
    bool intact(const std::string& path) const;
    // True when every element of ARRAY (COUNT long) has an id the reader could read, so a
    // reference that matches none of them is really wrong, not hidden by a broken element.
    bool idsIntact(std::string_view array, std::size_t count) const;
    // Same for the venues of every hall.
    bool venueIdsIntact(const Exhibition& ex) const;
    void add(const std::string& path, std::string message);
    // "expected EXPECTED, found FOUND" at PATH, when PATH is intact.
    void expect(const std::string& path, std::string_view expected, std::string_view found);
    std::vector<Problem> take() { return std::move(m_problems); }

private:
    std::string m_file;
    const std::unordered_set<std::string>* m_broken;
    std::vector<Problem> m_problems;
};

std::string indexPath(std::string_view array, std::size_t index); // "booths[3]"

// Rule groups, each in its own file; every one reports through CHECKER.
void checkEventAndText(const Exhibition& ex, Checker& checker);     // ExhibitionValidator.cpp
void checkIdsAndReferences(const Exhibition& ex, Checker& checker); // ExhibitionValidator.cpp
void checkSchedule(const Exhibition& ex, Checker& checker);         // ExhibitionSchedule.cpp
void checkLayout(const Exhibition& ex, Checker& checker);           // ExhibitionLayout.cpp
void checkVenueLayouts(const Exhibition& ex, Checker& checker);     // ExhibitionVenueLayout.cpp
void checkBoothContent(const Exhibition& ex, const std::filesystem::path& baseDir,
                       Checker& checker); // ExhibitionContent.cpp

// The whole validator with the reader's broken paths (nullptr: none).
std::vector<Problem> validate(const Exhibition& ex, const std::filesystem::path& baseDir,
                              const std::string& fileLabel,
                              const std::unordered_set<std::string>* broken);

} // namespace fg::expo::detail
