// fairground-shot: renders one frame of an exhibition headless to a PNG and prints its figures.
// A thin CLI over fg_scene + fg_render; it must not contain rendering or placement logic.
#include "engine/asset/ImageLoader.h"
#include "engine/core/Log.h"
#include "engine/render/Renderer.h"
#include "game/expo/ExhibitionJson.h"
#include "game/scene/ExhibitionScene.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fmt/format.h>

namespace {

struct ShotArgs {
    std::string exhibition, out, size = "1280x720", view, camera, gpu, cache;
    std::uint32_t msaa = 4;
    bool noValidation = false;
};

bool parseSize(const std::string& text, std::uint32_t& w, std::uint32_t& h) {
    unsigned a = 0, b = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%ux%u%c", &a, &b, &extra) != 2) return false;
    if (a == 0 || b == 0 || a > 8192 || b > 8192) return false;
    w = a;
    h = b;
    return true;
}

bool parseCamera(const std::string& text, fg::render::Camera& camera) {
    float v[5];
    char extra = 0;
    if (std::sscanf(text.c_str(), "%f,%f,%f,%f,%f%c", &v[0], &v[1], &v[2], &v[3], &v[4], &extra) !=
        5)
        return false;
    camera.position = {v[0], v[1], v[2]};
    camera.yaw = v[3];
    camera.pitch = v[4];
    return true;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "fairground-shot: %s\n", message.c_str());
    return 1;
}

int run(const ShotArgs& args) {
    std::uint32_t width = 0, height = 0;
    if (!parseSize(args.size, width, height))
        return fail(fmt::format("--size '{}': expected WxH, e.g. 1280x720 (1..8192)", args.size));
    std::filesystem::path file = args.exhibition;
    if (std::filesystem::is_directory(file)) file /= "exhibition.json";
    const fg::expo::LoadReport report = fg::expo::loadExhibition(file);
    for (const auto& problem : report.problems)
        std::fprintf(stderr, "problem: %s\n", problem.toString().c_str());
    if (!report.exhibition) return fail(fmt::format("{}: could not be read", file.string()));

    fg::render::Camera camera;
    if (!args.camera.empty()) {
        if (!parseCamera(args.camera, camera))
            return fail(fmt::format("--camera '{}': expected X,Y,Z,YAW,PITCH", args.camera));
    } else {
        const std::string name = args.view.empty() ? "entrance" : args.view;
        auto view = fg::scene::exhibitionView(*report.exhibition, name);
        if (!view) return fail(fmt::format("--view '{}': not 'entrance' or a hall id", name));
        camera = *view;
    }

    fg::render::RendererOptions options;
    options.gpuName = args.gpu;
    options.msaaSamples = args.msaa;
    options.validation = !args.noValidation;
    auto renderer = fg::render::Renderer::create(options);
    if (!renderer) return fail(renderer.error().message);
    fg::scene::ExhibitionSceneOptions sceneOptions;
    sceneOptions.cacheDir = args.cache;
    auto scene = fg::scene::ExhibitionScene::build(**renderer, *report.exhibition,
                                                   file.parent_path(), sceneOptions);
    if (!scene) return fail(scene.error().message);
    fg::render::FrameStats stats;
    auto image = (*renderer)->renderToImage((*scene)->scene(), camera, width, height, &stats);
    if (!image) return fail(image.error().message);
    if (auto s = fg::writePng(args.out, *image); !s) return fail(s.error().message);

    const auto& counts = (*scene)->counts();
    std::printf("device: %s\n", (*renderer)->deviceInfo().name.c_str());
    std::printf("image: %s (%ux%u)\n", args.out.c_str(), width, height);
    std::printf("camera: %.2f,%.2f,%.2f yaw %.1f pitch %.1f\n", camera.position.x,
                camera.position.y, camera.position.z, camera.yaw, camera.pitch);
    std::printf(
        "exhibition: %zu halls, %zu pavilions, %zu booths, %zu posters, %zu models, %zu signs\n",
        counts.halls, counts.pavilions, counts.booths, counts.posters, counts.models, counts.signs);
    std::printf("draw calls: %u\n", stats.drawCalls);
    std::printf("visible objects: %u of %u (%u batches)\n", stats.visibleInstances,
                stats.totalInstances, stats.batches);
    std::printf("placeholders: %zu\n", (*scene)->placeholders());
    std::printf("cpu cull+record: %.3f ms, frame: %.1f ms\n", stats.cullRecordMs, stats.frameMs);
    const std::uint32_t messages = (*renderer)->validationMessages();
    std::printf("validation messages: %u\n", messages);
    return messages == 0 ? 0 : 3;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"fairground-shot: render one view of an exhibition to a PNG (headless)"};
    ShotArgs args;
    app.add_option("--exhibition", args.exhibition, "exhibition.json or its folder")->required();
    app.add_option("--out", args.out, "output PNG file")->required();
    app.add_option("--size", args.size, "WxH in pixels (default 1280x720)");
    auto* view = app.add_option("--view", args.view, "'entrance' (default) or a hall id");
    app.add_option("--camera", args.camera, "X,Y,Z,YAW,PITCH (metres, degrees)")->excludes(view);
    app.add_option("--gpu", args.gpu, "use the device whose name contains this");
    app.add_option("--msaa", args.msaa, "MSAA samples (1, 2, 4, 8; clamped to the device)");
    app.add_option("--cache", args.cache, "cooked-asset cache folder (optional)");
    app.add_flag("--no-validation", args.noValidation, "run without the Khronos validation layer");
    CLI11_PARSE(app, argc, argv);
    return run(args);
}
