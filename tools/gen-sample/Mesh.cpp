// Procedural mesh building: boxes, lathes, cylinders, spheres and tori with normals and UVs.
// Geometry only; file formats live in ModelWriter, product shapes in Products*.cpp.
#include "tools/gen-sample/Mesh.h"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <numbers>

namespace fg::sample {

std::uint32_t Model::addMaterial(const Material& material) {
    materials.push_back(material);
    parts.emplace_back();
    parts.back().material = static_cast<std::uint32_t>(materials.size() - 1);
    return parts.back().material;
}

std::size_t Model::triangleCount() const {
    std::size_t n = 0;
    for (const MeshPart& p : parts)
        n += p.indices.size() / 3;
    return n;
}

void Model::bounds(glm::vec3& lo, glm::vec3& hi) const {
    lo = glm::vec3(1e30f);
    hi = glm::vec3(-1e30f);
    for (const MeshPart& p : parts)
        for (const glm::vec3& v : p.positions) {
            lo = glm::min(lo, v);
            hi = glm::max(hi, v);
        }
}

namespace {

struct Emitter {
    MeshPart& part;
    glm::mat4 xf;
    glm::mat3 nxf;

    Emitter(MeshPart& p, const glm::mat4& m)
        : part(p), xf(m), nxf(glm::transpose(glm::inverse(glm::mat3(m)))) {}

    std::uint32_t vertex(glm::vec3 p, glm::vec3 n, glm::vec2 uv) {
        part.positions.push_back(glm::vec3(xf * glm::vec4(p, 1.0f)));
        glm::vec3 tn = nxf * n;
        float len = glm::length(tn);
        part.normals.push_back(len > 1e-12f ? tn / len : glm::vec3(0, 1, 0));
        part.uvs.push_back(uv);
        return static_cast<std::uint32_t>(part.positions.size() - 1);
    }

    // Emits a triangle unless degenerate; flips it so its face agrees with the vertex normals,
    // which keeps winding right even under mirroring transforms.
    void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const auto& P = part.positions;
        glm::vec3 face = glm::cross(P[b] - P[a], P[c] - P[a]);
        if (glm::length(face) < 1e-10f) return;
        glm::vec3 n = part.normals[a] + part.normals[b] + part.normals[c];
        if (glm::dot(face, n) < 0) std::swap(b, c);
        part.indices.insert(part.indices.end(), {a, b, c});
    }
    void quad(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
        triangle(a, b, c);
        triangle(a, c, d);
    }
};

constexpr float kPi = std::numbers::pi_v<float>;

glm::vec2 segmentNormal(ProfilePoint a, ProfilePoint b) {
    // Outward normal in (r, y) for a profile walked bottom to top on the outside.
    glm::vec2 d(b.r - a.r, b.y - a.y);
    glm::vec2 n(d.y, -d.x);
    float len = glm::length(n);
    return len > 1e-12f ? n / len : glm::vec2(1, 0);
}

glm::vec3 around(glm::vec2 rn, float angle) {
    return glm::vec3(rn.x * std::cos(angle), rn.y, -rn.x * std::sin(angle));
}

} // namespace

void addBox(MeshPart& part, const glm::mat4& xf, glm::vec3 size) {
    Emitter e(part, xf);
    glm::vec3 h = size * 0.5f;
    const glm::vec3 normals[6] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                  {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        // Two axes spanning the face, chosen so u runs left to right seen from outside.
        glm::vec3 up = std::abs(n.y) > 0.5f ? glm::vec3(0, 0, -n.y) : glm::vec3(0, 1, 0);
        glm::vec3 right = glm::cross(up, n);
        glm::vec3 c = n * h;
        glm::vec3 r = right * h;
        glm::vec3 u = up * h;
        std::uint32_t a = e.vertex(c - r - u, n, {0, 1});
        std::uint32_t b = e.vertex(c + r - u, n, {1, 1});
        std::uint32_t cc = e.vertex(c + r + u, n, {1, 0});
        std::uint32_t d = e.vertex(c - r + u, n, {0, 0});
        e.quad(a, b, cc, d);
    }
}

void addLathe(MeshPart& part, const glm::mat4& xf, const std::vector<ProfilePoint>& profile,
              int segments, bool smooth) {
    Emitter e(part, xf);
    const std::size_t n = profile.size();
    std::vector<float> arc(n, 0.0f);
    for (std::size_t i = 1; i < n; ++i)
        arc[i] = arc[i - 1] +
                 std::hypot(profile[i].r - profile[i - 1].r, profile[i].y - profile[i - 1].y);
    float total = arc.back() > 0 ? arc.back() : 1.0f;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        ProfilePoint a = profile[i], b = profile[i + 1];
        glm::vec2 na = segmentNormal(a, b), nb = na;
        if (smooth && i > 0) na = glm::normalize(na + segmentNormal(profile[i - 1], a));
        if (smooth && i + 2 < n) nb = glm::normalize(nb + segmentNormal(b, profile[i + 2]));
        std::uint32_t first = 0;
        for (int s = 0; s <= segments; ++s) {
            float t = static_cast<float>(s) / static_cast<float>(segments);
            float ang = t * 2.0f * kPi;
            float c = std::cos(ang), sn = std::sin(ang);
            std::uint32_t va =
                e.vertex({a.r * c, a.y, -a.r * sn}, around(na, ang), {t, arc[i] / total});
            e.vertex({b.r * c, b.y, -b.r * sn}, around(nb, ang), {t, arc[i + 1] / total});
            if (s == 0) first = va;
        }
        for (int s = 0; s < segments; ++s) {
            std::uint32_t a0 = first + 2 * s, b0 = a0 + 1, a1 = a0 + 2, b1 = a0 + 3;
            e.quad(a0, a1, b1, b0);
        }
    }
}

void addCylinder(MeshPart& part, const glm::mat4& xf, float r0, float r1, float h, int segments) {
    addLathe(part, xf, {{0, 0}, {r0, 0}, {r1, h}, {0, h}}, segments, false);
}

void addCylinderBetween(MeshPart& part, const glm::mat4& xf, glm::vec3 a, glm::vec3 b, float r,
                        int segments) {
    glm::vec3 d = b - a;
    float len = glm::length(d);
    if (len < 1e-6f) return;
    glm::vec3 y = d / len;
    glm::vec3 helper = std::abs(y.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    glm::vec3 x = glm::normalize(glm::cross(helper, y));
    glm::vec3 z = glm::cross(x, y);
    glm::mat4 frame(glm::vec4(x, 0), glm::vec4(y, 0), glm::vec4(z, 0), glm::vec4(a, 1));
    addCylinder(part, xf * frame, r, r, len, segments);
}

void addSphere(MeshPart& part, const glm::mat4& xf, float radius, int segments, int rings) {
    std::vector<ProfilePoint> profile;
    for (int i = 0; i <= rings; ++i) {
        float phi = -kPi / 2 + kPi * static_cast<float>(i) / static_cast<float>(rings);
        profile.push_back({radius * std::cos(phi), radius * std::sin(phi)});
    }
    profile.front().r = 0;
    profile.back().r = 0;
    addLathe(part, xf, profile, segments, true);
}

void addTorus(MeshPart& part, const glm::mat4& xf, float R, float r, int segments, int sides) {
    std::vector<ProfilePoint> profile;
    // Walk the tube's cross-section so that the outward side comes first (normal points away).
    for (int i = 0; i <= sides; ++i) {
        float a = -kPi / 2 + 2 * kPi * static_cast<float>(i) / static_cast<float>(sides);
        profile.push_back({R + r * std::cos(a), r * std::sin(a)});
    }
    addLathe(part, xf, profile, segments, true);
}

glm::mat4 translate(glm::vec3 t) {
    return glm::translate(glm::mat4(1.0f), t);
}
glm::mat4 rotateX(float deg) {
    return glm::rotate(glm::mat4(1.0f), glm::radians(deg), glm::vec3(1, 0, 0));
}
glm::mat4 rotateY(float deg) {
    return glm::rotate(glm::mat4(1.0f), glm::radians(deg), glm::vec3(0, 1, 0));
}
glm::mat4 rotateZ(float deg) {
    return glm::rotate(glm::mat4(1.0f), glm::radians(deg), glm::vec3(0, 0, 1));
}
glm::mat4 scale(glm::vec3 s) {
    return glm::scale(glm::mat4(1.0f), s);
}

} // namespace fg::sample
