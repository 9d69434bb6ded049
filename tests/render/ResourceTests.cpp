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

TEST_CASE("render: a released resource group frees its GPU memory, the rest keeps drawing") {
    auto r = makeRenderer();
    Scene kept;
    kept.add(mesh(*r, makeQuad(2, 2)), unlitMaterial(*r, {0.0f, 0.0f, 1.0f}), glm::mat4(1.0f));
    (void)renderImage(*r, kept, frontCamera(), 32, 32);
    const MemoryStats before = r->memoryStats();

    const ResourceGroup world = r->createResourceGroup();
    CHECK(r->useResourceGroup(world) == kPermanentGroup);
    ImageData image;
    image.width = image.height = 256;
    image.rgba.assign(256 * 256 * 4, 120);
    auto texture = r->addTexture(image);
    REQUIRE(texture.ok());
    Scene grouped;
    for (int i = 0; i < 40; ++i)
        grouped.add(mesh(*r, makeBox({0, 0, 0}, {1.0f + float(i), 1, 1})),
                    unlitMaterial(*r, {1.0f, 0.0f, 0.0f}, *texture), glm::mat4(1.0f));
    CHECK(r->useResourceGroup(kPermanentGroup) == world);
    const MeshHandle later = mesh(*r, makeQuad(1, 1)); // after the group: permanent
    (void)renderImage(*r, grouped, frontCamera(), 32, 32);
    const MemoryStats full = r->memoryStats();
    CHECK(full.usedBytes > before.usedBytes + 256 * 256 * 4);

    REQUIRE(r->releaseResourceGroup(world).ok());
    const MemoryStats after = r->memoryStats();
    INFO("used before " << before.usedBytes << ", full " << full.usedBytes << ", after "
                        << after.usedBytes);
    CHECK(after.usedBytes < full.usedBytes);
    CHECK(after.allocations == before.allocations + 2); // only LATER's vertex and index buffers
    auto stale = r->renderToImage(grouped, frontCamera(), 32, 32);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().message.find("released") != std::string::npos);
    MaterialDesc usesReleased;
    usesReleased.baseColorTexture = *texture;
    CHECK_FALSE(r->addMaterial(usesReleased).ok());

    kept.add(later, unlitMaterial(*r, {0.0f, 1.0f, 0.0f}), glm::mat4(1.0f));
    const ImageData still = renderImage(*r, kept, frontCamera(), 32, 32);
    CHECK(pixel(still, 16, 16).b + pixel(still, 16, 16).g > 200);
    CHECK_FALSE(r->releaseResourceGroup(kPermanentGroup).ok());
    CHECK(r->validationMessages() == 0);
}
