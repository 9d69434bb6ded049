// Screenshots that include the user interface: rasterises Dear ImGui's draw data on the CPU
// over an offscreen render, because the window's swapchain cannot be read back through the
// public Renderer. Reads ImGui state only; never calls a backend or the GPU.
#pragma once

#include "engine/asset/ModelData.h"

namespace fg::render {

// Composites the draw data of the last ImGui::Render() over IMAGE (RGBA8, rows top down),
// scaling ImGui's display size to the image size. Returns the number of triangles drawn.
std::size_t compositeImGui(ImageData& image);

} // namespace fg::render
