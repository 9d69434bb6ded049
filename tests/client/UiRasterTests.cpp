// Tests of the CPU ImGui compositor used for screenshots with the UI: filled shapes land on the
// right pixels with the right colour, clipping holds, and text produces glyph pixels.
// Uses a bare ImGui context (no backend, no window, no GPU).
#include "engine/render/UiRaster.h"

#include <doctest/doctest.h>
#include <imgui.h>

using fg::render::compositeImGui;

namespace {

fg::ImageData blackImage(std::uint32_t w, std::uint32_t h) {
    fg::ImageData image;
    image.width = w;
    image.height = h;
    image.rgba.assign(std::size_t(w) * h * 4, 0);
    for (std::size_t i = 3; i < image.rgba.size(); i += 4)
        image.rgba[i] = 255;
    return image;
}

const std::uint8_t* px(const fg::ImageData& im, int x, int y) {
    return &im.rgba[(std::size_t(y) * im.width + std::size_t(x)) * 4];
}

struct Context {
    Context() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(200, 100);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Context() { ImGui::DestroyContext(); }
};

} // namespace

TEST_CASE("ui raster: a filled rectangle is composited with its colour, clipped to the image") {
    Context ctx;
    ImGui::NewFrame();
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(20, 10), ImVec2(60, 40),
                                                  IM_COL32(255, 0, 0, 255));
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(150, 50), ImVec2(400, 300),
                                                  IM_COL32(0, 0, 255, 128));
    ImGui::Render();
    auto image = blackImage(200, 100);
    CHECK(compositeImGui(image) >= 4);
    CHECK(px(image, 40, 25)[0] == 255);
    CHECK(px(image, 40, 25)[1] == 0);
    CHECK(px(image, 10, 25)[0] == 0); // left of the rectangle
    CHECK(px(image, 40, 45)[0] == 0); // below it
    const std::uint8_t* half = px(image, 180, 80);
    CHECK(int(half[2]) == doctest::Approx(128).epsilon(0.02)); // 50% blue over black
    CHECK(half[0] == 0);
}

TEST_CASE("ui raster: scales draw data to a larger image and draws text glyphs") {
    Context ctx;
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(ImVec2(5, 5), IM_COL32(255, 255, 255, 255), "HELLO");
    ImGui::Render();
    auto image = blackImage(400, 200); // twice the display size
    compositeImGui(image);
    int lit = 0;
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 140; ++x)
            lit += px(image, x, y)[0] > 128;
    CHECK(lit > 40);
    int litFar = 0;
    for (int y = 100; y < 200; ++y)
        for (int x = 200; x < 400; ++x)
            litFar += px(image, x, y)[0] > 0;
    CHECK(litFar == 0);
}
