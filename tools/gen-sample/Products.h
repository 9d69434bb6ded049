// The catalogue of procedural product models shown on 3D booths (antenna mast, dish, drone...).
// Each builder returns geometry + materials in metres, Y up, front +Z, base at y = 0; no I/O.
#pragma once

#include "tools/gen-sample/Font.h"
#include "tools/gen-sample/Mesh.h"
#include "tools/gen-sample/ModelWriter.h"

#include <string>

namespace fg::sample {

enum class Product {
    AntennaMast,
    SatelliteDish,
    PhoneStand,
    Drone,
    ServerRack,
    RobotArm,
    Router,
    CityKiosk,
    VrHeadset,
    Streetlight,
    TelehealthCart,
    ServiceRobot,
    LaptopCounter,
    CubeSat,
};

// Brand look applied to a product: accent colour on trims and screens, brand text on screens.
struct ProductStyle {
    glm::vec3 accent{0.1f, 0.4f, 0.9f};
    std::string brand;
    const Font* bold = nullptr;
    const Font* regular = nullptr;
};

const char* productSlug(Product product);   // "antenna-mast", ...
ModelFormat productFormat(Product product); // the file format this product is written in
Model buildProduct(Product product, const ProductStyle& style);

// Shared pieces for the product builders (ProductsNetwork.cpp, ProductsDevices.cpp).
namespace kit {
Material metal(const std::string& name, glm::vec3 colour, float roughness);
Material plastic(const std::string& name, glm::vec3 colour, float roughness);
Material glow(const std::string& name, glm::vec3 colour, float strength);
// A white display plinth of the given height; returns its top height.
float addPlinth(Model& model, float height, float width);
Model antennaMast(const ProductStyle& s);
Model satelliteDish(const ProductStyle& s);
Model serverRack(const ProductStyle& s);
Model router(const ProductStyle& s);
Model streetlight(const ProductStyle& s);
Model cityKiosk(const ProductStyle& s);
Model cubeSat(const ProductStyle& s);
Model phoneStand(const ProductStyle& s);
Model drone(const ProductStyle& s);
Model robotArm(const ProductStyle& s);
Model vrHeadset(const ProductStyle& s);
Model telehealthCart(const ProductStyle& s);
Model serviceRobot(const ProductStyle& s);
Model laptopCounter(const ProductStyle& s);
} // namespace kit

// Screen and panel textures for the products (ProductTextures.cpp).
namespace tex {
ModelImage phoneScreen(const ProductStyle& s);
ModelImage rackFront(const ProductStyle& s);
ModelImage kioskMap(const ProductStyle& s);
ModelImage laptopScreen(const ProductStyle& s);
ModelImage solarCells(const ProductStyle& s);
} // namespace tex

} // namespace fg::sample
