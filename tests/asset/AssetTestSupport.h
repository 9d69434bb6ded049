// Helpers shared by the fg_asset tests: temporary folders and strict model comparison.
// Test-only code; writes nothing outside the temporary folders it creates.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/File.h"

#include <filesystem>
#include <string>

namespace fgtest {

// A fresh empty folder under the system temp dir, unique to this process and NAME.
std::filesystem::path freshDir(const std::string& name);
std::filesystem::path testModel(const std::string& file);

// Field-by-field equality (floats compared exactly). On a difference, WHY names the first one.
bool sameModel(const fg::ModelData& a, const fg::ModelData& b, std::string& why);
// True when both meshes draw the same triangles (each as its three full vertices, in winding
// order), regardless of triangle order and vertex numbering.
bool sameTriangles(const fg::MeshData& a, const fg::MeshData& b);

// World-space bounds of all meshes after applying the node hierarchy.
void worldBounds(const fg::ModelData& model, glm::vec3& lo, glm::vec3& hi);

} // namespace fgtest
