// Procedural meshes (quads, boxes) as plain MeshData, for scene building, placeholders and tests.
// CPU only: no device, no file I/O.
#pragma once

#include "engine/asset/ModelData.h"

namespace fg::render {

// A WIDTH x HEIGHT quad in the xy plane centred on the origin, facing +z. UV (0,0) is the
// top-left corner as seen from +z, so images appear upright and unmirrored.
MeshData makeQuad(float width, float height);
// A quad in the xz plane (a floor) centred on the origin, facing +y; UVs repeat every TILE metres.
MeshData makeFloor(float width, float depth, float tile = 0.0f);
// An axis-aligned box from MIN to MAX with outward normals and per-face UVs.
MeshData makeBox(glm::vec3 min, glm::vec3 max);

} // namespace fg::render
