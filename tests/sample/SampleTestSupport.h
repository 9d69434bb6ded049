// Helpers for the sample tests: the committed sample's folder and its parsed exhibition.json.
// Reads only; tests never modify the committed sample.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fgtest {

std::filesystem::path sampleDir();
// Parsed exhibition.json of the committed sample (REQUIREs that it parses).
const nlohmann::json& sampleJson();
// Every model file referenced by booths, relative to sampleDir(), in booth order.
std::vector<std::string> sampleModelFiles();

} // namespace fgtest
