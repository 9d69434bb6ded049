// Problem rules for one booth bundle: file references, per-file limits, footprint, budgets.
// Must not read files or import models; text and count rules live in BoothRules.cpp.
#include "game/booth/BoothProblems.h"

#include "game/booth/BoothPaths.h"
#include "game/booth/BoothRules.h"

#include <fmt/format.h>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::booth {

namespace {

void add(std::vector<BoothProblem>& out, ProblemKind kind, std::string path, std::string message,
         Severity severity = Severity::Error) {
    out.push_back({severity, kind, std::move(path), std::move(message)});
}

// A referenced file: present, of the right kind, within its size limit, and imported fine.
void checkReference(const BoothBundle& b, const StatsMap& stats, const std::string& path,
                    const std::string& name, FileKind want, std::vector<BoothProblem>& out) {
    if (name.empty()) return add(out, ProblemKind::MissingFile, path, "no file chosen");
    if (Status st = checkEntryName(name); !st)
        return add(out, ProblemKind::BadFile, path, st.error().message);
    FileKind kind = fileKindOf(name);
    std::string ext = extensionOf(name);
    bool companion = ext == ".bin" || ext == ".mtl";
    if (kind != want || (want == FileKind::Model && companion))
        return add(out, ProblemKind::BadFile, path,
                   fmt::format("expected a {} file, found \"{}\"", toString(want), name));
    auto it = b.files.find(name);
    if (it == b.files.end())
        return add(out, ProblemKind::MissingFile, path,
                   fmt::format("\"{}\" is not in the bundle", name));
    if (want == FileKind::Document) return;
    auto s = stats.find(name);
    if (s == stats.end())
        return add(out, ProblemKind::BadFile, path, fmt::format("\"{}\" was not checked", name));
    if (!s->second.ok)
        add(out, ProblemKind::BadFile, path,
            fmt::format("\"{}\" cannot be read: {}", name, s->second.error));
}

void checkReferences(const BoothBundle& b, const StatsMap& stats, std::vector<BoothProblem>& out) {
    const auto& c = b.booth.content;
    for (std::size_t i = 0; i < c.posters.size(); ++i)
        checkReference(b, stats, fmt::format("booth.content.posters[{}].image", i),
                       c.posters[i].image, FileKind::Image, out);
    for (std::size_t i = 0; i < c.models.size(); ++i)
        checkReference(b, stats, fmt::format("booth.content.models[{}].file", i), c.models[i].file,
                       FileKind::Model, out);
    for (std::size_t i = 0; i < c.documents.size(); ++i)
        checkReference(b, stats, fmt::format("booth.content.documents[{}].file", i),
                       c.documents[i].file, FileKind::Document, out);
    for (std::size_t i = 0; i < c.videos.size(); ++i)
        checkReference(b, stats, fmt::format("booth.content.videos[{}].thumbnail", i),
                       c.videos[i].thumbnail, FileKind::Image, out);
    checkReference(b, stats, "profile.logo", b.profile.logo, FileKind::Image, out);
}

void checkFiles(const BoothBundle& b, std::vector<BoothProblem>& out) {
    for (const auto& [name, data] : b.files) {
        if (Status st = checkEntryName(name); !st) {
            add(out, ProblemKind::BadFile, name, st.error().message);
            continue;
        }
        FileKind kind = fileKindOf(name);
        if (kind == FileKind::Other) {
            add(out, ProblemKind::BadFile, name, "not an image, model or document file");
            continue;
        }
        if (data->size() > maxBytesFor(kind))
            add(out, ProblemKind::BadFile, name,
                fmt::format("{} bytes, the {} limit is {}", data->size(), toString(kind),
                            maxBytesFor(kind)));
    }
}

void checkFootprint(const BoothBundle& b, const StatsMap& stats, std::vector<BoothProblem>& out) {
    const auto& t = expo::sizeTemplate(b.booth.size);
    const float hx = t.width * 0.5f, hz = t.depth * 0.5f, eps = 1e-3f;
    const auto& models = b.booth.content.models;
    for (std::size_t i = 0; i < models.size(); ++i) {
        const auto& m = models[i];
        std::string path = fmt::format("booth.content.models[{}]", i);
        glm::vec3 p = m.position;
        if (p.x < -hx || p.x > hx || p.z < -hz || p.z > hz || p.y < 0 || p.y > 10) {
            add(out, ProblemKind::OutsideFootprint, path + ".position",
                fmt::format("expected x {} to {}, y 0 to 10, z {} to {}; found ({}, {}, {})", -hx,
                            hx, 0 - hz, hz, p.x, p.y, p.z));
            continue;
        }
        auto s = stats.find(m.file);
        if (s == stats.end() || !s->second.ok) continue;
        glm::vec3 lo(1e30f), hi(-1e30f);
        glm::mat4 mat = placementMatrix(m);
        for (int c = 0; c < 8; ++c) {
            glm::vec3 corner{(c & 1) ? s->second.boundsMax.x : s->second.boundsMin.x,
                             (c & 2) ? s->second.boundsMax.y : s->second.boundsMin.y,
                             (c & 4) ? s->second.boundsMax.z : s->second.boundsMin.z};
            glm::vec3 w = glm::vec3(mat * glm::vec4(corner, 1.0f));
            lo = glm::min(lo, w);
            hi = glm::max(hi, w);
        }
        if (lo.x < -hx - eps || hi.x > hx + eps || lo.z < -hz - eps || hi.z > hz + eps)
            add(out, ProblemKind::OutsideFootprint, path,
                fmt::format(
                    "the model spans x {:.2f} to {:.2f}, z {:.2f} to {:.2f}; the footprint is "
                    "x {} to {}, z {} to {}",
                    lo.x, hi.x, lo.z, hi.z, -hx, hx, 0 - hz, hz));
    }
}

void checkBudget(const BoothBundle& b, const StatsMap& stats, std::vector<BoothProblem>& out) {
    Budget budget = budgetFor(b.booth.size);
    BudgetUse use = measureUse(b, stats);
    const char* size = expo::toString(b.booth.size);
    if (use.triangles > budget.maxTriangles)
        add(out, ProblemKind::OverBudget, "triangles",
            fmt::format("{} triangles, the {} budget is {}", use.triangles, size,
                        budget.maxTriangles));
    if (use.textureBytes > budget.maxTextureBytes)
        add(out, ProblemKind::OverBudget, "texture memory",
            fmt::format("{} bytes of textures, the {} budget is {}", use.textureBytes, size,
                        budget.maxTextureBytes));
    if (use.totalBytes > budget.maxTotalBytes)
        add(out, ProblemKind::OverBudget, "total size",
            fmt::format("{} bytes of files, the {} budget is {}", use.totalBytes, size,
                        budget.maxTotalBytes));
}

} // namespace

const char* toString(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::OutsideFootprint:
        return "outside footprint";
    case ProblemKind::MissingFile:
        return "missing file";
    case ProblemKind::OverBudget:
        return "over budget";
    case ProblemKind::BadFile:
        return "bad file";
    case ProblemKind::Invalid:
        return "invalid";
    }
    return "?";
}

const char* toString(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

std::string BoothProblem::toString() const {
    return fmt::format("{}: {}: {}: {}", booth::toString(severity), booth::toString(kind), path,
                       message);
}

std::vector<BoothProblem> checkBundle(const BoothBundle& bundle, const StatsMap& stats) {
    std::vector<BoothProblem> out;
    checkRules(bundle, out);
    checkFiles(bundle, out);
    checkReferences(bundle, stats, out);
    checkFootprint(bundle, stats, out);
    checkBudget(bundle, stats, out);
    checkUnusedFiles(bundle, out);
    return out;
}

glm::mat4 placementMatrix(const expo::ModelPlacement& p) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), p.position);
    m = glm::rotate(m, glm::radians(p.rotation.z), {0, 0, 1});
    m = glm::rotate(m, glm::radians(p.rotation.y), {0, 1, 0});
    m = glm::rotate(m, glm::radians(p.rotation.x), {1, 0, 0});
    return glm::scale(m, p.scale);
}

bool blocksPublishing(const std::vector<BoothProblem>& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::Error) return true;
    return false;
}

} // namespace fg::booth
