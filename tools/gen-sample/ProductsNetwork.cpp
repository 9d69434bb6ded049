// Network and infrastructure products: 5G mast, satellite dish, server rack, router, smart
// streetlight, smart-city kiosk, CubeSat. Geometry and materials only; no file formats here.
#include "tools/gen-sample/Products.h"

#include <cmath>

namespace fg::sample::kit {

namespace {
const glm::vec3 kSteel{0.62f, 0.64f, 0.66f};
const glm::vec3 kDark{0.12f, 0.13f, 0.15f};
const glm::vec3 kWhite{0.93f, 0.93f, 0.92f};
} // namespace

Model antennaMast(const ProductStyle& s) {
    Model m;
    m.name = "5G antenna mast";
    std::uint32_t steel = m.addMaterial(metal("galvanised-steel", kSteel, 0.35f));
    std::uint32_t radome = m.addMaterial(plastic("radome", kWhite, 0.55f));
    std::uint32_t radio = m.addMaterial(metal("radio-unit", {0.3f, 0.32f, 0.35f}, 0.5f));
    std::uint32_t accent = m.addMaterial(plastic("brand-band", s.accent, 0.4f));
    std::uint32_t beacon = m.addMaterial(glow("beacon", {1.0f, 0.15f, 0.1f}, 3.0f));
    addBox(m.part(steel), translate({0, 0.03f, 0}), {0.8f, 0.06f, 0.8f});
    addCylinder(m.part(steel), glm::mat4(1.0f), 0.07f, 0.05f, 2.3f, 20);
    addCylinder(m.part(accent), translate({0, 0.9f, 0}), 0.072f, 0.072f, 0.12f, 20);
    for (int i = 0; i < 3; ++i) {
        glm::mat4 sector = rotateY(120.0f * i);
        // Panels face outward (+Z of the sector frame) with a slight electrical downtilt.
        glm::mat4 panel = sector * translate({0, 1.75f, 0.24f}) * rotateX(-4.0f);
        addBox(m.part(radome), panel, {0.3f, 0.95f, 0.09f});
        addBox(m.part(accent), panel * translate({0, -0.44f, 0.046f}), {0.3f, 0.04f, 0.005f});
        for (float y : {1.45f, 2.05f})
            addBox(m.part(steel), sector * translate({0, y, 0.12f}), {0.05f, 0.05f, 0.18f});
        addBox(m.part(radio), sector * translate({0, 1.05f, 0.16f}), {0.22f, 0.32f, 0.12f});
        for (int f = 0; f < 5; ++f)
            addBox(m.part(radio), sector * translate({-0.08f + 0.04f * f, 1.05f, 0.23f}),
                   {0.012f, 0.3f, 0.02f});
    }
    addCylinder(m.part(steel), translate({0, 2.3f, 0}), 0.05f, 0.0f, 0.08f, 16);
    addSphere(m.part(beacon), translate({0, 2.39f, 0}), 0.03f, 12, 8);
    return m;
}

Model satelliteDish(const ProductStyle& s) {
    Model m;
    m.name = "satellite ground terminal";
    std::uint32_t body = m.addMaterial(plastic("dish", kWhite, 0.45f));
    std::uint32_t steel = m.addMaterial(metal("mount", kSteel, 0.4f));
    std::uint32_t lnb = m.addMaterial(plastic("feed-horn", s.accent, 0.35f));
    addCylinder(m.part(steel), glm::mat4(1.0f), 0.4f, 0.4f, 0.06f, 32);
    addCylinder(m.part(steel), translate({0, 0.06f, 0}), 0.11f, 0.09f, 0.95f, 24);
    addBox(m.part(steel), translate({0, 1.05f, 0}), {0.32f, 0.16f, 0.26f});
    // Paraboloid y = r^2 / (4f): rim radius 0.75 m, depth 0.18 m, tilted 50 degrees toward +Z.
    const float R = 0.75f, depth = 0.18f, thick = 0.025f, f = R * R / (4 * depth);
    glm::mat4 dish = translate({0, 1.12f, 0.05f}) * rotateX(50.0f);
    std::vector<ProfilePoint> front, back;
    for (int i = 0; i <= 12; ++i) {
        float r = R * static_cast<float>(i) / 12.0f;
        front.push_back({r, r * r / (4 * f)});
        back.push_back({r, r * r / (4 * f) - thick});
    }
    std::vector<ProfilePoint> inner(front.rbegin(), front.rend());
    addLathe(m.part(body), dish, back, 40, true);
    addLathe(m.part(body), dish, {back.back(), front.back()}, 40, false);
    addLathe(m.part(body), dish, inner, 40, true);
    glm::vec3 focus(0, f, 0);
    for (int i = 0; i < 3; ++i) {
        float a = glm::radians(90.0f + 120.0f * i);
        glm::vec3 rim(R * 0.97f * std::cos(a), depth, R * 0.97f * std::sin(a));
        addCylinderBetween(m.part(steel), dish, rim, focus, 0.012f, 10);
    }
    addCylinder(m.part(lnb), dish * translate(focus - glm::vec3(0, 0.1f, 0)), 0.045f, 0.03f, 0.14f,
                18);
    return m;
}

Model serverRack(const ProductStyle& s) {
    Model m;
    m.name = "edge server rack";
    m.images.push_back(tex::rackFront(s));
    std::uint32_t cabinet = m.addMaterial(metal("cabinet", {0.09f, 0.1f, 0.11f}, 0.55f));
    Material front = plastic("front-panel", {1.0f, 1.0f, 1.0f}, 0.4f);
    front.texture = 0;
    front.emissive = {0.25f, 0.25f, 0.25f};
    std::uint32_t panel = m.addMaterial(front);
    std::uint32_t trim = m.addMaterial(glow("status-strip", s.accent, 2.0f));
    std::uint32_t feet = m.addMaterial(metal("feet", kSteel, 0.3f));
    addBox(m.part(cabinet), translate({0, 1.03f, 0}), {0.6f, 1.96f, 1.0f});
    addBox(m.part(panel), translate({0, 1.03f, 0.501f}), {0.54f, 1.84f, 0.002f});
    addBox(m.part(trim), translate({0, 1.985f, 0.49f}), {0.6f, 0.03f, 0.03f});
    for (float x : {-0.25f, 0.25f})
        for (float z : {-0.43f, 0.43f})
            addCylinder(m.part(feet), translate({x, 0, z}), 0.03f, 0.03f, 0.05f, 12);
    // Door handle and a cable tray on the roof, as on real edge racks.
    addCylinderBetween(m.part(feet), glm::mat4(1.0f), {0.24f, 0.9f, 0.53f}, {0.24f, 1.2f, 0.53f},
                       0.01f, 12);
    for (float y : {0.9f, 1.2f})
        addCylinderBetween(m.part(feet), glm::mat4(1.0f), {0.24f, y, 0.5f}, {0.24f, y, 0.53f},
                           0.008f, 8);
    for (int i = 0; i < 6; ++i)
        addBox(m.part(cabinet), translate({0, 2.04f, -0.4f + 0.16f * i}), {0.5f, 0.04f, 0.03f});
    return m;
}

Model router(const ProductStyle& s) {
    Model m;
    m.name = "Wi-Fi 6 router";
    float top = addPlinth(m, 0.95f, 0.5f);
    std::uint32_t shell = m.addMaterial(plastic("router-shell", {0.15f, 0.16f, 0.18f}, 0.35f));
    std::uint32_t antenna = m.addMaterial(plastic("antennas", {0.2f, 0.2f, 0.22f}, 0.5f));
    std::uint32_t led = m.addMaterial(glow("status-leds", s.accent, 3.0f));
    addBox(m.part(shell), translate({0, top + 0.025f, 0}), {0.28f, 0.05f, 0.18f});
    addBox(m.part(shell), translate({0, top + 0.055f, -0.02f}), {0.24f, 0.012f, 0.12f});
    for (int i = 0; i < 4; ++i) {
        float x = -0.12f + 0.08f * i;
        glm::mat4 xf =
            translate({x, top + 0.03f, -0.085f}) * rotateZ(10.0f * (1.5f - i)) * rotateX(-8.0f);
        addCylinder(m.part(antenna), xf, 0.009f, 0.007f, 0.2f, 12);
        addSphere(m.part(antenna), xf * translate({0, 0.2f, 0}), 0.007f, 10, 6);
    }
    for (int i = 0; i < 5; ++i)
        addBox(m.part(led), translate({-0.08f + 0.04f * i, top + 0.025f, 0.0905f}),
               {0.012f, 0.006f, 0.002f});
    return m;
}

Model streetlight(const ProductStyle& s) {
    Model m;
    m.name = "smart streetlight";
    std::uint32_t pole = m.addMaterial(metal("pole", {0.3f, 0.33f, 0.36f}, 0.45f));
    std::uint32_t lamp = m.addMaterial(glow("led-panel", {1.0f, 0.95f, 0.82f}, 4.0f));
    std::uint32_t dome = m.addMaterial(plastic("camera-dome", {0.05f, 0.05f, 0.06f}, 0.1f));
    std::uint32_t accent = m.addMaterial(plastic("sensor-pod", s.accent, 0.4f));
    addCylinder(m.part(pole), glm::mat4(1.0f), 0.16f, 0.14f, 0.3f, 20);
    addCylinder(m.part(pole), translate({0, 0.3f, 0}), 0.07f, 0.05f, 2.1f, 20);
    addCylinderBetween(m.part(pole), glm::mat4(1.0f), {0, 2.3f, 0}, {0, 2.38f, 0.55f}, 0.03f, 12);
    addBox(m.part(pole), translate({0, 2.4f, 0.65f}), {0.24f, 0.06f, 0.42f});
    addBox(m.part(lamp), translate({0, 2.365f, 0.65f}), {0.2f, 0.01f, 0.36f});
    addBox(m.part(accent), translate({0, 1.9f, 0.08f}), {0.14f, 0.22f, 0.08f});
    addSphere(m.part(dome), translate({0, 1.76f, 0.09f}), 0.045f, 16, 10);
    addCylinder(m.part(accent), translate({0, 2.38f, 0}), 0.01f, 0.006f, 0.12f, 8);
    return m;
}

// Bollards, a camera dome, a speaker grille and a lit side strip: what makes it read as a kiosk.
void addKioskDetails(Model& m, std::uint32_t body, std::uint32_t accent) {
    std::uint32_t lit = m.addMaterial(glow("side-strip", {0.95f, 0.95f, 1.0f}, 2.0f));
    std::uint32_t dome = m.addMaterial(plastic("camera-dome", {0.05f, 0.05f, 0.06f}, 0.1f));
    for (float x : {-0.36f, 0.36f})
        addCylinder(m.part(lit), translate({x, 0.3f, 0.12f}), 0.012f, 0.012f, 1.6f, 12);
    addSphere(m.part(dome), translate({0, 2.08f, 0.3f}), 0.04f, 16, 10);
    for (int i = 0; i < 6; ++i)
        addBox(m.part(body), translate({-0.125f + 0.05f * i, 0.52f, 0.145f}),
               {0.03f, 0.12f, 0.012f});
    for (float x : {-0.6f, 0.6f}) {
        addCylinder(m.part(body), translate({x, 0, 0.35f}), 0.05f, 0.045f, 0.6f, 20);
        addCylinder(m.part(accent), translate({x, 0.45f, 0.35f}), 0.052f, 0.052f, 0.05f, 20);
    }
}

Model cityKiosk(const ProductStyle& s) {
    Model m;
    m.name = "smart-city information kiosk";
    m.images.push_back(tex::kioskMap(s));
    std::uint32_t body = m.addMaterial(metal("kiosk-body", {0.2f, 0.22f, 0.25f}, 0.5f));
    Material screenMat = plastic("map-screen", {1, 1, 1}, 0.2f);
    screenMat.texture = 0;
    screenMat.emissive = {0.35f, 0.35f, 0.35f};
    std::uint32_t screen = m.addMaterial(screenMat);
    std::uint32_t accent = m.addMaterial(plastic("accent-panel", s.accent, 0.45f));
    std::uint32_t solar = m.addMaterial(metal("solar-panel", {0.08f, 0.12f, 0.3f}, 0.2f));
    addBox(m.part(body), translate({0, 0.05f, 0}), {0.9f, 0.1f, 0.5f});
    addBox(m.part(accent), translate({0, 1.1f, 0}), {0.75f, 2.0f, 0.28f});
    addBox(m.part(body), translate({0, 1.2f, 0.145f}), {0.66f, 1.12f, 0.01f});
    addBox(m.part(screen), translate({0, 1.2f, 0.151f}), {0.6f, 1.06f, 0.002f});
    addBox(m.part(body), translate({0, 2.14f, 0.05f}), {0.95f, 0.08f, 0.6f});
    addBox(m.part(solar), translate({0, 2.22f, 0.05f}) * rotateX(12.0f), {0.88f, 0.03f, 0.52f});
    addKioskDetails(m, body, accent);
    return m;
}

Model cubeSat(const ProductStyle& s) {
    Model m;
    m.name = "3U CubeSat (display model, 3:1)";
    m.images.push_back(tex::solarCells(s));
    float top = addPlinth(m, 0.8f, 0.6f);
    std::uint32_t frame = m.addMaterial(metal("aluminium-frame", {0.78f, 0.79f, 0.8f}, 0.3f));
    Material cells = metal("solar-cells", {1, 1, 1}, 0.25f);
    cells.texture = 0;
    cells.doubleSided = true;
    std::uint32_t panel = m.addMaterial(cells);
    std::uint32_t accent = m.addMaterial(plastic("antenna-tape", s.accent, 0.5f));
    // Three times life size so visitors can see it: a 3U unit is 10 x 10 x 34 cm.
    const float k = 3.0f;
    addCylinder(m.part(frame), translate({0, top, 0}), 0.02f, 0.02f, 0.25f, 12);
    glm::mat4 body = translate({0, top + 0.25f + 0.17f * k, 0});
    addBox(m.part(frame), body, glm::vec3(0.1f, 0.34f, 0.1f) * k);
    addBox(m.part(panel), body * translate({0, 0, 0.051f * k}),
           glm::vec3(0.09f, 0.32f, 0.002f) * k);
    for (float side : {-1.0f, 1.0f}) {
        glm::mat4 wing = body * translate({side * (0.05f + 0.09f) * k, 0, 0.0f});
        addBox(m.part(panel), wing * rotateY(side * 20.0f), glm::vec3(0.18f, 0.32f, 0.004f) * k);
    }
    // Deployable antennas (four tape springs) and the display stand's base ring.
    for (int i = 0; i < 4; ++i) {
        glm::vec3 root(i % 2 ? 0.04f * k : -0.04f * k, 0.17f * k, i < 2 ? 0.04f * k : -0.04f * k);
        glm::vec3 tip =
            root + glm::vec3(root.x > 0 ? 0.1f : -0.1f, 0.22f, root.z > 0 ? 0.06f : -0.06f);
        addCylinderBetween(m.part(accent), body, root, tip, 0.004f, 6);
    }
    addTorus(m.part(frame), translate({0, top + 0.01f, 0}), 0.09f, 0.01f, 32, 8);
    addCylinder(m.part(frame), body * translate({0, 0.17f * k, 0}), 0.03f, 0.03f, 0.02f, 24);
    return m;
}

} // namespace fg::sample::kit
