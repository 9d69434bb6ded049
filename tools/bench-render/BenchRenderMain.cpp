// fairground-bench-render: CPU cull+record time, draw calls and frame time for generated
// exhibitions, instanced+culled path against the naive one-draw-per-object path, side by side.
#include "engine/render/Renderer.h"
#include "game/scene/ExhibitionScene.h"
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

namespace {

struct PathFigures {
    double cullRecordMs = 0, frameMs = 0;
    std::uint32_t drawCalls = 0, visible = 0, total = 0;
};

fg::Result<PathFigures> measure(fg::render::Renderer& renderer, const fg::render::Scene& scene,
                                const fg::render::Camera& camera, std::uint32_t w, std::uint32_t h,
                                int frames, const fg::render::DrawOptions& options) {
    PathFigures out;
    for (int i = -1; i < frames; ++i) { // frame -1 warms caches and grows buffers
        fg::render::FrameStats stats;
        auto image = renderer.renderToImage(scene, camera, w, h, &stats, options);
        if (!image) return image.error();
        if (i < 0) continue;
        out.cullRecordMs += stats.cullRecordMs / frames;
        out.frameMs += stats.frameMs / frames;
        out.drawCalls = stats.drawCalls;
        out.visible = stats.visibleInstances;
        out.total = stats.totalInstances;
    }
    return out;
}

int runOne(int booths, const std::filesystem::path& dir, std::uint32_t w, std::uint32_t h,
           int frames) {
    fg::expo::GenOptions gen;
    gen.booths = booths;
    gen.pavilions = std::max(1, booths / 100);
    gen.halls = std::max(1, booths / 1500);
    auto exhibition = fg::expo::generateExhibition(gen);
    if (!exhibition)
        return std::fprintf(stderr, "generate %d: %s\n", booths,
                            exhibition.error().message.c_str()),
               1;
    if (auto s = fg::expo::writeGeneratedMedia(dir); !s)
        return std::fprintf(stderr, "media: %s\n", s.error().message.c_str()), 1;
    fg::render::RendererOptions options;
    options.validation = false; // the layer's own CPU cost would dominate the figures
    auto renderer = fg::render::Renderer::create(options);
    if (!renderer) return std::fprintf(stderr, "%s\n", renderer.error().message.c_str()), 1;
    auto scene = fg::scene::ExhibitionScene::build(**renderer, *exhibition, dir);
    if (!scene) return std::fprintf(stderr, "%s\n", scene.error().message.c_str()), 1;
    const fg::render::Camera camera = *(*scene)->view("entrance");
    auto fast = measure(**renderer, (*scene)->scene(), camera, w, h, frames, {true, true});
    auto naive = measure(**renderer, (*scene)->scene(), camera, w, h, frames, {false, false});
    if (!fast || !naive) return std::fprintf(stderr, "render failed\n"), 1;
    std::printf("| %5d | %6u | instanced+culled | %8.3f | %6u | %6u | %8.1f |\n", booths,
                fast->total, fast->cullRecordMs, fast->drawCalls, fast->visible, fast->frameMs);
    std::printf("| %5d | %6u | naive            | %8.3f | %6u | %6u | %8.1f |\n", booths,
                naive->total, naive->cullRecordMs, naive->drawCalls, naive->visible,
                naive->frameMs);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"fairground-bench-render: instanced+culled vs naive rendering of generated fairs"};
    std::vector<int> booths{100, 1000, 5000};
    std::string size = "1280x720",
                dir = (std::filesystem::temp_directory_path() / "fg-bench-render").string();
    int frames = 5;
    app.add_option("--booths", booths, "booth counts to generate (default 100 1000 5000)");
    app.add_option("--frames", frames, "measured frames per path (after one warm-up)")
        ->check(CLI::Range(1, 1000));
    app.add_option("--size", size, "WxH (default 1280x720)");
    app.add_option("--dir", dir, "folder for the generated media");
    CLI11_PARSE(app, argc, argv);
    unsigned w = 0, h = 0;
    if (std::sscanf(size.c_str(), "%ux%u", &w, &h) != 2 || w == 0 || h == 0 || w > 8192 || h > 8192)
        return std::fprintf(stderr, "--size '%s': expected WxH\n", size.c_str()), 2;
    std::printf(
        "| booths | instances | path | cull+record CPU ms | draw calls | visible | frame ms |\n");
    std::printf("| ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
    for (int n : booths)
        if (int rc = runOne(n, dir, w, h, frames); rc != 0) return rc;
    return 0;
}
