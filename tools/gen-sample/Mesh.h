// Procedural mesh building for the sample's product models: parts, materials and primitives.
// Pure geometry in memory; it must not write files or know any file format.
#pragma once

#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace fg::sample {

// A glTF-style metallic-roughness material; texture is an index into Model::images or -1.
struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f};
    float metallic = 0.0f;
    float roughness = 0.5f;
    glm::vec3 emissive{0.0f};
    int texture = -1;
    bool doubleSided = false;
};

// An encoded PNG carried inside a model (GLB) or next to it.
struct ModelImage {
    std::string name;
    std::vector<std::uint8_t> png;
};

// Triangles sharing one material. Winding is counter-clockwise seen from the normal side.
struct MeshPart {
    std::uint32_t material = 0;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> uvs;
    std::vector<std::uint32_t> indices;
};

struct Model {
    std::string name;
    std::vector<Material> materials;
    std::vector<ModelImage> images;
    std::vector<MeshPart> parts; // one per material, in material order

    // Adds a material and its (empty) part; returns the material index.
    std::uint32_t addMaterial(const Material& material);
    MeshPart& part(std::uint32_t material) { return parts[material]; }
    std::size_t triangleCount() const;
    void bounds(glm::vec3& lo, glm::vec3& hi) const;
};

// A profile point for lathe(): radius from the Y axis and height.
struct ProfilePoint {
    float r = 0;
    float y = 0;
};

// Primitives append to a part, transformed by `xf` (normals by its inverse transpose).
// Box: centred at the origin, extent `size`; each face has its own 0..1 UVs.
void addBox(MeshPart& part, const glm::mat4& xf, glm::vec3 size);
// Surface of revolution about +Y. `smooth` averages normals between profile segments
// (spheres, dishes); otherwise every segment is its own ring (cylinders with flat caps).
void addLathe(MeshPart& part, const glm::mat4& xf, const std::vector<ProfilePoint>& profile,
              int segments, bool smooth);
// Closed cylinder (frustum when r0 != r1) from y = 0 to y = h.
void addCylinder(MeshPart& part, const glm::mat4& xf, float r0, float r1, float h, int segments);
void addSphere(MeshPart& part, const glm::mat4& xf, float radius, int segments, int rings);
// Closed cylinder of radius r from point a to point b (struts, arms, antennas).
void addCylinderBetween(MeshPart& part, const glm::mat4& xf, glm::vec3 a, glm::vec3 b, float r,
                        int segments);
// Ring about +Y in the XZ plane: major radius R, tube radius r.
void addTorus(MeshPart& part, const glm::mat4& xf, float R, float r, int segments, int sides);

// Transform helpers (degrees).
glm::mat4 translate(glm::vec3 t);
glm::mat4 rotateX(float deg);
glm::mat4 rotateY(float deg);
glm::mat4 rotateZ(float deg);
glm::mat4 scale(glm::vec3 s);

} // namespace fg::sample
