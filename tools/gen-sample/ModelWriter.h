// Writes procedural models as glTF 2.0 (.gltf + .bin, or binary .glb with embedded PNGs) and
// Wavefront .obj + .mtl into a FileSet. Format encoding only; it must not build geometry.
#pragma once

#include "tools/gen-sample/FileSet.h"
#include "tools/gen-sample/Mesh.h"

#include <string>

namespace fg::sample {

enum class ModelFormat { Gltf, Glb, Obj };

const char* extension(ModelFormat format); // ".gltf", ".glb", ".obj"

// Adds `stem + extension` (plus .bin / .png / .mtl companions) under `folder`; returns the
// main file's path relative to the FileSet root.
std::string writeModel(FileSet& files, const std::string& folder, const std::string& stem,
                       const Model& model, ModelFormat format);

} // namespace fg::sample
