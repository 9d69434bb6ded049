// Private: converts Assimp materials and their textures into MaterialData and ImageData.
// Only engine/asset .cpp files include this; Assimp types are forward-declared, never included.
#pragma once

#include "engine/asset/ModelData.h"

#include <filesystem>

struct aiScene;

namespace fg {

// Fills MODEL.materials (one per aiScene material, at least one) and MODEL.images; textures are
// looked up embedded first ("*N" or by name), then as files relative to MODELDIR. A texture that
// cannot be loaded (or, with CONFINE, lies outside MODELDIR) becomes the placeholder checker, with
// a warning naming it.
void convertMaterials(const aiScene& scene, const std::filesystem::path& modelDir,
                      const std::string& modelName, bool confine, ModelData& model);

} // namespace fg
