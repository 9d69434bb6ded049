// Product catalogue dispatch and the shared kit (materials, plinth) used by every builder.
// Names and formats only here; the shapes live in ProductsNetwork.cpp and ProductsDevices.cpp.
#include "tools/gen-sample/Products.h"

namespace fg::sample {

const char* productSlug(Product product) {
    switch (product) {
    case Product::AntennaMast:
        return "antenna-mast";
    case Product::SatelliteDish:
        return "satellite-dish";
    case Product::PhoneStand:
        return "phone-stand";
    case Product::Drone:
        return "drone";
    case Product::ServerRack:
        return "server-rack";
    case Product::RobotArm:
        return "robot-arm";
    case Product::Router:
        return "router";
    case Product::CityKiosk:
        return "city-kiosk";
    case Product::VrHeadset:
        return "vr-headset";
    case Product::Streetlight:
        return "smart-streetlight";
    case Product::TelehealthCart:
        return "telehealth-cart";
    case Product::ServiceRobot:
        return "service-robot";
    case Product::LaptopCounter:
        return "laptop-counter";
    case Product::CubeSat:
        return "cubesat";
    }
    return "product";
}

ModelFormat productFormat(Product product) {
    switch (product) {
    // Textured products are GLBs with their PNGs embedded.
    case Product::PhoneStand:
    case Product::ServerRack:
    case Product::CityKiosk:
    case Product::LaptopCounter:
    case Product::ServiceRobot:
        return ModelFormat::Glb;
    case Product::Drone:
    case Product::Router:
    case Product::Streetlight:
        return ModelFormat::Obj;
    default:
        return ModelFormat::Gltf;
    }
}

Model buildProduct(Product product, const ProductStyle& s) {
    switch (product) {
    case Product::AntennaMast:
        return kit::antennaMast(s);
    case Product::SatelliteDish:
        return kit::satelliteDish(s);
    case Product::PhoneStand:
        return kit::phoneStand(s);
    case Product::Drone:
        return kit::drone(s);
    case Product::ServerRack:
        return kit::serverRack(s);
    case Product::RobotArm:
        return kit::robotArm(s);
    case Product::Router:
        return kit::router(s);
    case Product::CityKiosk:
        return kit::cityKiosk(s);
    case Product::VrHeadset:
        return kit::vrHeadset(s);
    case Product::Streetlight:
        return kit::streetlight(s);
    case Product::TelehealthCart:
        return kit::telehealthCart(s);
    case Product::ServiceRobot:
        return kit::serviceRobot(s);
    case Product::LaptopCounter:
        return kit::laptopCounter(s);
    case Product::CubeSat:
        return kit::cubeSat(s);
    }
    return {};
}

namespace kit {

Material metal(const std::string& name, glm::vec3 colour, float roughness) {
    return Material{name, glm::vec4(colour, 1.0f), 1.0f, roughness, glm::vec3(0.0f), -1, false};
}

Material plastic(const std::string& name, glm::vec3 colour, float roughness) {
    return Material{name, glm::vec4(colour, 1.0f), 0.0f, roughness, glm::vec3(0.0f), -1, false};
}

Material glow(const std::string& name, glm::vec3 colour, float strength) {
    return Material{name, glm::vec4(colour, 1.0f), 0.0f, 0.4f, colour * strength, -1, false};
}

float addPlinth(Model& model, float height, float width) {
    std::uint32_t white = model.addMaterial(plastic("plinth", {0.92f, 0.92f, 0.9f}, 0.6f));
    addBox(model.part(white), translate({0, height * 0.5f, 0}), {width, height, width});
    std::uint32_t edge = model.addMaterial(metal("plinth-edge", {0.55f, 0.56f, 0.58f}, 0.3f));
    addBox(model.part(edge), translate({0, height + 0.005f, 0}),
           {width + 0.02f, 0.01f, width + 0.02f});
    return height + 0.01f;
}

} // namespace kit

} // namespace fg::sample
