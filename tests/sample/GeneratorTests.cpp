// Unit tests of the sample generator's parts: mesh orientation, PDF cross-references, the floor
// plan self-check, PNG encoding and the ModelWriter formats. In memory only; writes nothing.
#include "tools/gen-sample/Canvas.h"
#include "tools/gen-sample/FileSet.h"
#include "tools/gen-sample/ModelWriter.h"
#include "tools/gen-sample/Pdf.h"
#include "tools/gen-sample/Products.h"
#include "tools/gen-sample/SampleLayout.h"

#include <cmath>
#include <doctest/doctest.h>
#include <numbers>
#include <string>

using namespace fg::sample;

namespace {

// Signed volume by the divergence theorem: positive only when every face winds outward.
double signedVolume(const MeshPart& p) {
    double v = 0;
    for (std::size_t i = 0; i < p.indices.size(); i += 3) {
        glm::dvec3 a = p.positions[p.indices[i]], b = p.positions[p.indices[i + 1]],
                   c = p.positions[p.indices[i + 2]];
        v += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return v;
}

} // namespace

TEST_CASE("gen-sample: closed primitives wind outward and have unit normals") {
    MeshPart box, cyl, sphere;
    addBox(box, translate({1, 2, 3}) * rotateY(30), {1, 2, 3});
    addCylinder(cyl, rotateX(90), 0.5f, 0.5f, 2.0f, 64);
    addSphere(sphere, scale({-1, 1, 1}), 1.0f, 64, 32); // mirrored: winding must still be outward
    CHECK(signedVolume(box) == doctest::Approx(6.0).epsilon(1e-4));
    CHECK(signedVolume(cyl) == doctest::Approx(std::numbers::pi * 0.25 * 2.0).epsilon(0.01));
    CHECK(signedVolume(sphere) == doctest::Approx(4.0 / 3.0 * std::numbers::pi).epsilon(0.02));
    for (const MeshPart* p : {&box, &cyl, &sphere})
        for (const glm::vec3& n : p->normals)
            CHECK(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-4));
}

TEST_CASE("gen-sample: every product stands on the floor at product size") {
    ProductStyle style; // no fonts needed for untextured products
    for (Product p : {Product::AntennaMast, Product::SatelliteDish, Product::Drone,
                      Product::RobotArm, Product::Router, Product::VrHeadset, Product::Streetlight,
                      Product::TelehealthCart, Product::ServiceRobot}) {
        INFO(productSlug(p));
        Model m = buildProduct(p, style);
        glm::vec3 lo, hi;
        m.bounds(lo, hi);
        CHECK(lo.y >= -1e-4f);
        CHECK(hi.y - lo.y >= 0.3f);
        CHECK(hi.y - lo.y <= 2.5f);
        CHECK(m.triangleCount() <= 5000);
    }
}

TEST_CASE("gen-sample: PDF cross-reference offsets point at their objects") {
    std::string pdf = makePdf("Title (with parens)", {"line one", "Lumière – accents"});
    REQUIRE(pdf.starts_with("%PDF-1.4\n"));
    std::size_t xref = pdf.find("\nxref\n");
    REQUIRE(xref != std::string::npos);
    std::size_t at = pdf.find("0000000000 65535 f \n", xref);
    REQUIRE(at != std::string::npos);
    at += 20;
    for (int obj = 1; obj <= 5; ++obj, at += 20) {
        std::size_t offset = std::stoul(pdf.substr(at, 10));
        CHECK(pdf.compare(offset, std::to_string(obj).size() + 6, std::to_string(obj) + " 0 obj") ==
              0);
    }
    std::size_t start = pdf.rfind("startxref\n");
    CHECK(std::stoul(pdf.substr(start + 10)) == xref + 1);
    CHECK(pdf.find("\\(with parens\\)") != std::string::npos);
    for (char ch : pdf)
        CHECK(static_cast<unsigned char>(ch) < 0x80);
}

TEST_CASE("gen-sample: the floor plan passes its check and the check catches overlaps") {
    Layout layout = buildLayout();
    CHECK(checkLayout(layout).empty());
    Layout broken = layout;
    broken.spots[1].position = broken.spots[0].position + glm::vec2(1.0f, 0.0f);
    CHECK_FALSE(checkLayout(broken).empty());
    Layout outside = layout;
    outside.spots.back().position = {119.0f, 40.0f};
    CHECK_FALSE(checkLayout(outside).empty());
}

TEST_CASE("gen-sample: opaque canvases encode as RGB PNG, translucent ones as RGBA") {
    Canvas opaque(8, 4, rgb("#102030"));
    std::vector<std::uint8_t> png = opaque.encodePng();
    REQUIRE(png.size() > 33);
    CHECK(png[1] == 'P');
    CHECK(png[25] == 2); // IHDR colour type: truecolour
    Canvas clear(8, 4, Rgba{0, 0, 0, 0});
    clear.fillRect(0, 0, 4, 4, rgb("#ffffff"));
    CHECK(clear.encodePng()[25] == 6); // truecolour with alpha
}

TEST_CASE("gen-sample: model writer emits each format with its companions") {
    Model m;
    m.name = "cube";
    std::uint32_t mat = m.addMaterial(Material{"red", {1, 0, 0, 1}, 0.0f, 0.5f, {}, -1, false});
    addBox(m.part(mat), glm::mat4(1.0f), {1, 1, 1});
    FileSet files;
    CHECK(writeModel(files, "m", "a", m, ModelFormat::Gltf) == "m/a.gltf");
    CHECK(writeModel(files, "m", "b", m, ModelFormat::Glb) == "m/b.glb");
    CHECK(writeModel(files, "m", "c", m, ModelFormat::Obj) == "m/c.obj");
    CHECK(files.size("m/a.bin") == 24 * (12 + 12 + 8) + 36 * 4);
    CHECK(files.contains("m/c.mtl"));
    CHECK(files.size("m/b.glb") % 4 == 0);
    CHECK_FALSE(files.contains("m/b.bin"));
}
