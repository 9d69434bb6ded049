// Helpers shared by the render test cases: a headless renderer, pixel access, simple materials.
// Test code only; uses the public renderer API like any other client.
#pragma once

#include "engine/render/Primitives.h"
#include "engine/render/Renderer.h"

#include <doctest/doctest.h>

namespace fg::render::test {

// Small shadow maps keep lavapipe fast; the reference image uses the renderer's defaults.
inline std::unique_ptr<Renderer> makeRenderer(std::uint32_t shadowMapSize = 1024) {
    RendererOptions options;
    options.shadowMapSize = shadowMapSize;
    auto renderer = Renderer::create(options);
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? "" : renderer.error().message));
    return std::move(*renderer);
}

struct Rgba {
    int r, g, b, a;
};

inline Rgba pixel(const ImageData& image, std::uint32_t x, std::uint32_t y) {
    const std::uint8_t* p = &image.rgba[(std::size_t(y) * image.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

inline int luminance(const Rgba& p) {
    return (p.r * 2 + p.g * 5 + p.b) / 8;
}

inline MaterialId unlitMaterial(Renderer& r, glm::vec3 color, TextureId texture = {}) {
    MaterialDesc desc;
    desc.baseColor = glm::vec4(color, 1.0f);
    desc.unlit = true;
    desc.baseColorTexture = texture;
    auto id = r.addMaterial(desc);
    REQUIRE(id.ok());
    return *id;
}

inline MeshHandle mesh(Renderer& r, const MeshData& data) {
    auto handle = r.addMesh(data);
    REQUIRE_MESSAGE(handle.ok(), (handle.ok() ? "" : handle.error().message));
    return *handle;
}

// Looks from (0, 0, DISTANCE) at the origin along -z.
inline Camera frontCamera(float distance = 3.0f) {
    Camera camera;
    camera.position = {0.0f, 0.0f, distance};
    camera.yaw = 180.0f;
    return camera;
}

inline ImageData renderImage(Renderer& r, const Scene& scene, const Camera& camera,
                             std::uint32_t w = 64, std::uint32_t h = 64,
                             FrameStats* stats = nullptr) {
    auto image = r.renderToImage(scene, camera, w, h, stats);
    REQUIRE_MESSAGE(image.ok(), (image.ok() ? "" : image.error().message));
    return std::move(*image);
}

} // namespace fg::render::test
