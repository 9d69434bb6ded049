// Device products: smartphone on a stand, drone, robot arm, VR headset, telehealth cart,
// service robot, laptop on a counter. Geometry and materials only; no file formats here.
#include "tools/gen-sample/Products.h"

#include <cmath>

namespace fg::sample::kit {

namespace {
const glm::vec3 kSteel{0.62f, 0.64f, 0.66f};
const glm::vec3 kDark{0.1f, 0.1f, 0.12f};
const glm::vec3 kWhite{0.93f, 0.93f, 0.92f};
} // namespace

Model phoneStand(const ProductStyle& s) {
    Model m;
    m.name = "5G smartphone on a display stand";
    m.images.push_back(tex::phoneScreen(s));
    float top = addPlinth(m, 0.9f, 0.45f);
    std::uint32_t stand = m.addMaterial(metal("stand", kSteel, 0.25f));
    std::uint32_t body = m.addMaterial(metal("phone-body", s.accent * 0.6f, 0.3f));
    Material screenMat = plastic("screen", {1, 1, 1}, 0.1f);
    screenMat.texture = 0;
    screenMat.emissive = {0.4f, 0.4f, 0.4f};
    std::uint32_t screen = m.addMaterial(screenMat);
    addCylinder(m.part(stand), translate({0, top, 0}), 0.09f, 0.09f, 0.012f, 28);
    addBox(m.part(stand), translate({0, top + 0.07f, -0.02f}) * rotateX(-15.0f),
           {0.03f, 0.13f, 0.01f});
    // Shown at twice life size: a 7.5 x 16 cm handset would vanish on a booth floor.
    glm::mat4 phone = translate({0, top + 0.17f, 0.0f}) * rotateX(-15.0f);
    addBox(m.part(body), phone, {0.15f, 0.32f, 0.018f});
    addBox(m.part(screen), phone * translate({0, 0, 0.0095f}), {0.138f, 0.3f, 0.001f});
    addCylinder(m.part(body), phone * translate({0.045f, 0.125f, -0.0095f}) * rotateX(-90.0f),
                0.012f, 0.012f, 0.004f, 16);
    return m;
}

Model drone(const ProductStyle& s) {
    Model m;
    m.name = "inspection drone";
    float top = addPlinth(m, 0.8f, 0.7f);
    std::uint32_t shell = m.addMaterial(plastic("drone-shell", kWhite, 0.35f));
    std::uint32_t dark = m.addMaterial(plastic("motors-and-props", kDark, 0.5f));
    std::uint32_t accent = m.addMaterial(plastic("arm-trim", s.accent, 0.4f));
    std::uint32_t led = m.addMaterial(glow("nav-lights", {0.1f, 1.0f, 0.3f}, 3.0f));
    float y = top + 0.09f;
    addBox(m.part(shell), translate({0, y, 0}), {0.2f, 0.07f, 0.26f});
    addBox(m.part(accent), translate({0, y + 0.038f, 0}), {0.12f, 0.006f, 0.16f});
    addSphere(m.part(dark), translate({0, y - 0.055f, 0.1f}), 0.035f, 16, 10);
    for (int i = 0; i < 4; ++i) {
        glm::mat4 arm = translate({0, y, 0}) * rotateY(45.0f + 90.0f * i);
        addBox(m.part(accent), arm * translate({0, 0, 0.2f}), {0.03f, 0.025f, 0.26f});
        glm::mat4 motor = arm * translate({0, 0.0f, 0.33f});
        addCylinder(m.part(dark), motor, 0.025f, 0.025f, 0.04f, 16);
        addBox(m.part(dark), motor * translate({0, 0.045f, 0}), {0.32f, 0.004f, 0.025f});
        addBox(m.part(dark), motor * translate({0, 0.045f, 0}) * rotateY(90.0f),
               {0.32f, 0.004f, 0.025f});
        addSphere(m.part(led), motor * translate({0, -0.01f, 0}), 0.008f, 8, 6);
    }
    for (float x : {-0.08f, 0.08f}) {
        addCylinderBetween(m.part(dark), glm::mat4(1.0f), {x, y - 0.03f, 0.05f},
                           {x * 1.3f, top, 0.05f}, 0.006f, 8);
        addCylinderBetween(m.part(dark), glm::mat4(1.0f), {x * 1.3f, top + 0.006f, -0.1f},
                           {x * 1.3f, top + 0.006f, 0.12f}, 0.006f, 8);
    }
    return m;
}

Model robotArm(const ProductStyle& s) {
    Model m;
    m.name = "six-axis collaborative robot arm";
    std::uint32_t base = m.addMaterial(metal("base", {0.25f, 0.26f, 0.28f}, 0.45f));
    std::uint32_t link = m.addMaterial(plastic("links", s.accent, 0.35f));
    std::uint32_t joint = m.addMaterial(metal("joints", kSteel, 0.3f));
    std::uint32_t led = m.addMaterial(glow("joint-rings", {0.2f, 0.8f, 1.0f}, 2.5f));
    addCylinder(m.part(base), glm::mat4(1.0f), 0.26f, 0.26f, 0.08f, 32);
    addCylinder(m.part(base), translate({0, 0.08f, 0}), 0.16f, 0.14f, 0.25f, 28);
    glm::mat4 shoulder = translate({0, 0.42f, 0}) * rotateY(-30.0f);
    addCylinder(m.part(joint), shoulder * rotateZ(90.0f) * translate({0, -0.11f, 0}), 0.11f, 0.11f,
                0.22f, 24);
    addTorus(m.part(led), shoulder * rotateZ(90.0f) * translate({0, 0.112f, 0}), 0.08f, 0.008f, 24,
             8);
    glm::mat4 upper = shoulder * rotateX(20.0f);
    addBox(m.part(link), upper * translate({0, 0.32f, 0}), {0.13f, 0.56f, 0.13f});
    glm::mat4 elbow = upper * translate({0, 0.64f, 0});
    addCylinder(m.part(joint), elbow * rotateZ(90.0f) * translate({0, -0.09f, 0}), 0.085f, 0.085f,
                0.18f, 24);
    glm::mat4 fore = elbow * rotateX(75.0f);
    addBox(m.part(link), fore * translate({0, 0.25f, 0}), {0.1f, 0.44f, 0.1f});
    glm::mat4 wrist = fore * translate({0, 0.5f, 0});
    addSphere(m.part(joint), wrist, 0.065f, 20, 12);
    addTorus(m.part(led), wrist * translate({0, 0.05f, 0}), 0.055f, 0.006f, 20, 8);
    addCylinder(m.part(base), wrist * translate({0, 0.06f, 0}), 0.05f, 0.05f, 0.06f, 20);
    for (float x : {-0.03f, 0.03f})
        addBox(m.part(joint), wrist * translate({x, 0.16f, 0}), {0.015f, 0.08f, 0.04f});
    return m;
}

Model vrHeadset(const ProductStyle& s) {
    Model m;
    m.name = "standalone VR headset on a display head";
    float top = addPlinth(m, 1.0f, 0.45f);
    std::uint32_t stand = m.addMaterial(plastic("display-head", {0.75f, 0.76f, 0.78f}, 0.7f));
    std::uint32_t shell = m.addMaterial(plastic("visor-shell", kWhite, 0.3f));
    std::uint32_t front = m.addMaterial(plastic("visor-front", kDark, 0.15f));
    std::uint32_t strap = m.addMaterial(plastic("strap", s.accent * 0.8f, 0.7f));
    std::uint32_t cams = m.addMaterial(glow("tracking-cameras", {0.4f, 0.7f, 1.0f}, 1.5f));
    addCylinder(m.part(stand), translate({0, top, 0}), 0.05f, 0.04f, 0.22f, 20);
    glm::mat4 head = translate({0, top + 0.33f, 0}) * scale({0.8f, 1.0f, 0.9f});
    addSphere(m.part(stand), head, 0.12f, 28, 16);
    glm::mat4 visor = translate({0, top + 0.35f, 0.12f});
    addBox(m.part(shell), visor, {0.2f, 0.11f, 0.09f});
    addBox(m.part(front), visor * translate({0, 0, 0.046f}), {0.19f, 0.1f, 0.004f});
    for (float x : {-0.07f, 0.07f})
        addSphere(m.part(cams), visor * translate({x, 0.035f, 0.049f}), 0.008f, 10, 6);
    addTorus(m.part(strap), translate({0, top + 0.35f, 0.0f}) * scale({0.95f, 1.0f, 1.1f}), 0.105f,
             0.015f, 36, 10);
    addTorus(m.part(strap),
             translate({0, top + 0.38f, -0.02f}) * rotateX(80.0f) * scale({0.9f, 1.0f, 1.0f}),
             0.11f, 0.012f, 36, 8);
    return m;
}

Model telehealthCart(const ProductStyle& s) {
    Model m;
    m.name = "telehealth consultation cart";
    std::uint32_t frame = m.addMaterial(metal("frame", kSteel, 0.3f));
    std::uint32_t body = m.addMaterial(plastic("cart-body", kWhite, 0.5f));
    std::uint32_t accent = m.addMaterial(plastic("accent", s.accent, 0.4f));
    std::uint32_t wheel = m.addMaterial(plastic("wheels", kDark, 0.8f));
    std::uint32_t screen = m.addMaterial(glow("monitor", {0.2f, 0.75f, 0.8f}, 1.2f));
    for (float x : {-0.25f, 0.25f})
        for (float z : {-0.2f, 0.2f})
            addCylinder(m.part(wheel), translate({x - 0.02f, 0.05f, z}) * rotateZ(90.0f), 0.05f,
                        0.05f, 0.04f, 16);
    addBox(m.part(body), translate({0, 0.14f, 0}), {0.6f, 0.08f, 0.5f});
    addCylinder(m.part(frame), translate({0, 0.18f, -0.1f}), 0.035f, 0.035f, 1.0f, 16);
    addBox(m.part(body), translate({0, 0.75f, 0}), {0.5f, 0.04f, 0.4f});
    addBox(m.part(accent), translate({0, 0.5f, -0.1f}), {0.36f, 0.5f, 0.2f});
    glm::mat4 mon = translate({0, 1.25f, -0.05f}) * rotateX(-8.0f);
    addBox(m.part(frame), mon, {0.56f, 0.36f, 0.04f});
    addBox(m.part(screen), mon * translate({0, 0, 0.021f}), {0.52f, 0.31f, 0.002f});
    addSphere(m.part(body), mon * translate({0, 0.2f, 0.0f}), 0.025f, 12, 8);
    addBox(m.part(accent), translate({0, 0.79f, 0.1f}), {0.34f, 0.03f, 0.14f});
    return m;
}

Model serviceRobot(const ProductStyle& s) {
    Model m;
    m.name = "reception service robot";
    std::uint32_t shell = m.addMaterial(plastic("robot-shell", kWhite, 0.3f));
    std::uint32_t accent = m.addMaterial(plastic("robot-accent", s.accent, 0.35f));
    std::uint32_t dark = m.addMaterial(plastic("face-glass", kDark, 0.1f));
    std::uint32_t eyes = m.addMaterial(glow("eyes", {0.3f, 0.9f, 1.0f}, 3.0f));
    addCylinder(m.part(accent), glm::mat4(1.0f), 0.3f, 0.3f, 0.1f, 36);
    addLathe(
        m.part(shell), translate({0, 0.1f, 0}),
        {{0.0f, 0.0f}, {0.28f, 0.0f}, {0.26f, 0.3f}, {0.2f, 0.7f}, {0.16f, 0.85f}, {0.0f, 0.88f}},
        36, false);
    addSphere(m.part(shell), translate({0, 1.18f, 0}), 0.2f, 32, 18);
    addBox(m.part(dark), translate({0, 1.2f, 0.15f}) * rotateX(-8.0f), {0.26f, 0.15f, 0.1f});
    for (float x : {-0.06f, 0.06f})
        addSphere(m.part(eyes), translate({x, 1.21f, 0.2f}), 0.022f, 12, 8);
    addBox(m.part(dark), translate({0, 0.75f, 0.21f}) * rotateX(-12.0f), {0.22f, 0.15f, 0.02f});
    for (float side : {-1.0f, 1.0f})
        addCylinderBetween(m.part(accent), glm::mat4(1.0f), {side * 0.2f, 0.85f, 0},
                           {side * 0.3f, 0.45f, 0.06f}, 0.04f, 14);
    return m;
}

// A brochure holder and a potted plant, so the counter reads as a staffed demo desk.
void addCounterProps(Model& m, std::uint32_t accent) {
    std::uint32_t acrylic = m.addMaterial(plastic("brochure-holder", {0.85f, 0.88f, 0.9f}, 0.1f));
    std::uint32_t pot = m.addMaterial(plastic("plant-pot", {0.3f, 0.3f, 0.32f}, 0.7f));
    std::uint32_t leaves = m.addMaterial(plastic("leaves", {0.15f, 0.45f, 0.18f}, 0.8f));
    glm::mat4 holder = translate({0.42f, 1.03f, 0.05f}) * rotateX(-12.0f);
    addBox(m.part(acrylic), holder * translate({0, 0.1f, 0}), {0.16f, 0.2f, 0.06f});
    addBox(m.part(accent), holder * translate({0, 0.12f, 0.031f}), {0.14f, 0.16f, 0.002f});
    addCylinder(m.part(pot), translate({-0.42f, 1.03f, -0.1f}), 0.07f, 0.09f, 0.14f, 20);
    for (int i = 0; i < 3; ++i)
        addSphere(m.part(leaves),
                  translate({-0.42f + 0.04f * (i - 1), 1.23f + 0.03f * (i % 2), -0.1f}), 0.08f, 16,
                  10);
}

Model laptopCounter(const ProductStyle& s) {
    Model m;
    m.name = "learning-platform laptop on a demo counter";
    m.images.push_back(tex::laptopScreen(s));
    std::uint32_t counter = m.addMaterial(plastic("counter", kWhite, 0.5f));
    std::uint32_t accent = m.addMaterial(plastic("counter-front", s.accent, 0.45f));
    std::uint32_t alu = m.addMaterial(metal("laptop-aluminium", {0.75f, 0.76f, 0.78f}, 0.3f));
    std::uint32_t keys = m.addMaterial(plastic("keyboard", kDark, 0.6f));
    Material screenMat = plastic("laptop-screen", {1, 1, 1}, 0.15f);
    screenMat.texture = 0;
    screenMat.emissive = {0.35f, 0.35f, 0.35f};
    std::uint32_t screen = m.addMaterial(screenMat);
    addBox(m.part(counter), translate({0, 0.5f, 0}), {1.1f, 1.0f, 0.6f});
    addBox(m.part(accent), translate({0, 0.5f, 0.301f}), {1.0f, 0.8f, 0.002f});
    addBox(m.part(counter), translate({0, 1.015f, 0}), {1.16f, 0.03f, 0.66f});
    float y = 1.03f;
    addBox(m.part(alu), translate({0, y + 0.008f, 0.06f}), {0.34f, 0.016f, 0.24f});
    addBox(m.part(keys), translate({0, y + 0.0165f, 0.03f}), {0.3f, 0.001f, 0.12f});
    glm::mat4 lid = translate({0, y + 0.016f, -0.06f}) * rotateX(-15.0f);
    addBox(m.part(alu), lid * translate({0, 0.11f, 0}), {0.34f, 0.22f, 0.01f});
    addBox(m.part(screen), lid * translate({0, 0.115f, 0.0055f}), {0.31f, 0.19f, 0.001f});
    addCounterProps(m, accent);
    return m;
}

} // namespace fg::sample::kit
