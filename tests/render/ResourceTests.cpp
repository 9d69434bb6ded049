// Resource tests: meshes and textures share a few large memory blocks; uploads are batched.
// Uses the public Renderer API only.
#include "tests/render/RenderTestUtil.h"

using namespace fg;
using namespace fg::render;
using namespace fg::render::test;

TEST_CASE("render: hundreds of resources live in a few memory blocks") {
    auto r = makeRenderer();
    const MemoryStats before = r->memoryStats();
    for (int i = 0; i < 300; ++i)
        mesh(*r, makeBox({0, 0, 0}, {1.0f + float(i), 1, 1}));
    ImageData image;
    image.width = image.height = 64;
    image.rgba.assign(64 * 64 * 4, 200);
    for (int i = 0; i < 50; ++i)
        REQUIRE(r->addTexture(image).ok());
    REQUIRE(r->flushUploads().ok());
    const MemoryStats after = r->memoryStats();
    INFO("blocks " << after.blocks << " allocations " << after.allocations);
    CHECK(after.allocations >= before.allocations + 650); // 300 x (vertex + index) + 50 images
    CHECK(after.blocks <= before.blocks + 2);
    CHECK(after.usedBytes > before.usedBytes);
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: device selection honours --gpu and fails clearly on an unknown name") {
    RendererOptions options;
    options.gpuName = "no-such-gpu-xyz";
    auto missing = Renderer::create(options);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("no-such-gpu-xyz") != std::string::npos);
    auto any = makeRenderer();
    options.gpuName = any->deviceInfo().name.substr(0, 6);
    auto named = Renderer::create(options);
    REQUIRE(named.ok());
    CHECK((*named)->deviceInfo().name == any->deviceInfo().name);
}
