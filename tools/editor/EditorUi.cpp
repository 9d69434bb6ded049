// Dear ImGui panels of the booth editor (ImGui is allowed here: its backends are set up by
// engine/render). Must not change the bundle except through fg_booth edits.
#include "tools/editor/EditorUi.h"

#include "game/booth/BoothPaths.h"
#include "tools/editor/EditorApp.h"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::editor {

namespace {

const char* kTemplates[] = {"2d-wall", "2d-corner", "3d-island"};
const char* kSizes[] = {"S", "M", "L"};

std::string megabytes(std::uint64_t bytes) {
    return fmt::format("{:.2f} MiB", double(bytes) / (1024.0 * 1024.0));
}

void meter(const char* label, std::uint64_t used, std::uint64_t max, const std::string& text) {
    float f = max ? float(double(used) / double(max)) : 0.0f;
    ImVec4 colour = f > 1.0f   ? ImVec4(0.85f, 0.15f, 0.1f, 1)
                    : f > 0.8f ? ImVec4(0.9f, 0.6f, 0.1f, 1)
                               : ImVec4(0.2f, 0.65f, 0.3f, 1);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour);
    ImGui::ProgressBar(std::min(f, 1.0f), ImVec2(-130, 0), text.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
}

std::string itemLabel(const booth::BoothBundle& b, booth::ItemKind kind, std::size_t i) {
    const auto& c = b.booth.content;
    switch (kind) {
    case booth::ItemKind::Model:
        return c.models[i].file;
    case booth::ItemKind::Poster:
        return fmt::format("slot {}: {}", c.posters[i].slot, c.posters[i].image);
    case booth::ItemKind::Sign:
        return c.signs[i];
    case booth::ItemKind::Document:
        return c.documents[i].title;
    case booth::ItemKind::Link:
        return c.links[i].title;
    case booth::ItemKind::Video:
        return c.videos[i].title;
    }
    return {};
}

} // namespace

void EditorUi::draw(EditorApp& app) {
    ImGui::SetNextWindowPos(ImVec2(8, 8), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(340, 560), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Booth")) {
        filePanel(app);
        itemsPanel(app);
        addPanel(app);
    }
    ImGui::End();
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x - 348, 8), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(340, 420), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Inspector")) inspector(app);
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(356, display.y - 236), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(display.x - 712, 228), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Budget and problems")) {
        budgetPanel(app);
        publishPanel(app);
    }
    ImGui::End();
}

void EditorUi::filePanel(EditorApp& app) {
    EditorUiState& ui = app.m_ui;
    const auto& b = app.m_editor.bundle();
    ImGui::Text("%s  (%s %s, %s)%s", b.booth.id.c_str(), expo::toString(b.booth.kind),
                expo::toString(b.booth.size), expo::toString(b.booth.style),
                app.m_editor.modified() ? " *" : "");
    ImGui::TextDisabled("%s", app.m_file.string().c_str());
    if (!app.m_source.empty()) ImGui::TextDisabled("from %s", app.m_source.c_str());
    if (ImGui::Button("Undo")) app.undo();
    if (ImGui::IsItemHovered() && app.m_editor.canUndo())
        ImGui::SetTooltip("%s", app.m_editor.undoLabel().c_str());
    ImGui::SameLine();
    if (ImGui::Button("Redo")) app.redo();
    ImGui::SameLine();
    if (ImGui::Button("Save"))
        app.report(app.saveBundle(app.m_file), "saved " + app.m_file.string());
    if (!ImGui::CollapsingHeader("Open / new")) return;
    ImGui::InputText("##open", &ui.openPath);
    ImGui::SameLine();
    if (ImGui::Button("Open .booth")) app.report(app.openBundle(ui.openPath), "opened");
    ImGui::InputText("##saveas", &ui.savePath);
    ImGui::SameLine();
    if (ImGui::Button("Save as")) app.report(app.saveBundle(ui.savePath), "saved " + ui.savePath);
    ImGui::InputText("exhibition", &ui.exhibitionPath);
    ImGui::InputText("booth id", &ui.exhibitionBooth);
    if (ImGui::Button("Open from exhibition"))
        app.report(app.openFromExhibition(ui.exhibitionPath, ui.exhibitionBooth), "opened");
    ImGui::Combo("template", &ui.templateIndex, kTemplates, 3);
    ImGui::Combo("size", &ui.sizeIndex, kSizes, 3);
    ImGui::InputText("new booth id", &ui.newBoothId);
    ImGui::InputText("exhibitor id", &ui.newExhibitor);
    if (ImGui::Button("New from template"))
        app.report(app.newFromTemplate(kTemplates[ui.templateIndex], kSizes[ui.sizeIndex],
                                       ui.newBoothId, ui.newExhibitor),
                   "new booth");
}

void EditorUi::itemsPanel(EditorApp& app) {
    if (!ImGui::CollapsingHeader("Items", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const auto& b = app.m_editor.bundle();
    for (auto kind : {booth::ItemKind::Model, booth::ItemKind::Poster, booth::ItemKind::Sign,
                      booth::ItemKind::Document, booth::ItemKind::Link, booth::ItemKind::Video}) {
        std::size_t n = booth::itemCount(b, kind);
        for (std::size_t i = 0; i < n; ++i) {
            booth::ItemRef ref{kind, i};
            std::string label = fmt::format("{} {}: {}##{}{}", booth::toString(kind), i,
                                            itemLabel(b, kind, i), int(kind), i);
            if (ImGui::Selectable(label.c_str(), app.m_selected == ref)) app.m_selected = ref;
        }
    }
    ImGui::BeginDisabled(!app.m_selected);
    if (ImGui::Button("Duplicate (Ctrl+D)")) app.duplicateSelected();
    ImGui::SameLine();
    if (ImGui::Button("Delete (Del)")) app.deleteSelected();
    ImGui::EndDisabled();
}

void EditorUi::addPanel(EditorApp& app) {
    if (!ImGui::CollapsingHeader("Add content")) return;
    EditorUiState& ui = app.m_ui;
    Bytes bytes;
    ImGui::InputText("model file", &ui.modelPath);
    if (ImGui::Button("Import model"))
        app.report(app.importModel(ui.modelPath), "imported " + ui.modelPath);
    ImGui::InputInt("poster slot", &ui.posterSlot);
    ImGui::InputText("poster image", &ui.posterPath);
    if (ImGui::Button("Set poster")) {
        Status st = app.readInto(ui.posterPath, bytes);
        app.report(st ? booth::setPoster(app.m_editor, std::uint32_t(std::max(0, ui.posterSlot)),
                                         ui.posterPath, bytes)
                      : st,
                   "poster set");
    }
    ImGui::InputText("logo image", &ui.logoPath);
    if (ImGui::Button("Set logo")) {
        Status st = app.readInto(ui.logoPath, bytes);
        app.report(st ? booth::setLogo(app.m_editor, ui.logoPath, bytes) : st, "logo set");
    }
    ImGui::InputText("sign text", &ui.signText);
    if (ImGui::Button("Add sign"))
        app.report(booth::addSign(app.m_editor, ui.signText), "sign added");
    ImGui::InputText("document title", &ui.docTitle);
    ImGui::InputText("document file", &ui.docPath);
    if (ImGui::Button("Add document")) {
        Status st = app.readInto(ui.docPath, bytes);
        app.report(st ? booth::addDocument(app.m_editor, ui.docTitle, ui.docPath, bytes) : st,
                   "document added");
    }
    ImGui::InputText("link title", &ui.linkTitle);
    ImGui::InputText("link URL", &ui.linkUrl);
    if (ImGui::Button("Add link"))
        app.report(booth::addLink(app.m_editor, ui.linkTitle, ui.linkUrl), "link added");
    ImGui::InputText("video title", &ui.videoTitle);
    ImGui::InputText("video URL", &ui.videoUrl);
    ImGui::InputText("thumbnail", &ui.videoThumb);
    if (ImGui::Button("Add video")) {
        Status st = app.readInto(ui.videoThumb, bytes);
        app.report(
            st ? booth::addVideo(app.m_editor, ui.videoTitle, ui.videoUrl, ui.videoThumb, bytes)
               : st,
            "video added");
    }
}

void EditorUi::modelInspector(EditorApp& app, std::size_t index) {
    const auto& m = app.m_editor.bundle().booth.content.models[index];
    auto file = app.m_editor.bundle().files.find(m.file);
    auto stats = app.m_stats.find(m.file);
    ImGui::Text("%s", m.file.c_str());
    if (file != app.m_editor.bundle().files.end())
        ImGui::Text("file size %s", megabytes(file->second->size()).c_str());
    if (stats != app.m_stats.end() && stats->second.ok)
        ImGui::Text("%llu triangles, textures %s", (unsigned long long)stats->second.triangles,
                    megabytes(stats->second.textureBytes).c_str());
    else if (stats != app.m_stats.end())
        ImGui::TextColored({1, 0.3f, 0.2f, 1}, "cannot import: %s", stats->second.error.c_str());
    booth::Transform t{m.position, m.rotation, m.scale};
    bool changed = ImGui::DragFloat3("position", &t.position.x, 0.01f, -10.0f, 10.0f, "%.2f m");
    changed |= ImGui::DragFloat3("rotation", &t.rotation.x, 1.0f, -360.0f, 360.0f, "%.0f deg");
    changed |= ImGui::DragFloat3("scale", &t.scale.x, 0.01f, 0.01f, 100.0f, "%.2f");
    if (changed)
        (void)booth::setModelTransform(app.m_editor, index, t, fmt::format("fields-{}", index));
    if (ImGui::IsItemDeactivatedAfterEdit()) app.m_editor.endGesture();
    int mode = int(app.m_mode);
    ImGui::RadioButton("move (W)", &mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton("rotate (E)", &mode, 1);
    ImGui::SameLine();
    ImGui::RadioButton("scale (R)", &mode, 2);
    app.m_mode = GizmoMode(mode);
    ImGui::Checkbox("snap (0.1 m, 15 deg, 0.1x)", &app.m_snap);
}

void EditorUi::inspector(EditorApp& app) {
    const auto& b = app.m_editor.bundle();
    if (!app.m_selected) {
        ImGui::TextDisabled("Click a model, poster or sign in the view to select it.");
    } else if (app.m_selected->kind == booth::ItemKind::Model) {
        modelInspector(app, app.m_selected->index);
    } else if (app.m_selected->kind == booth::ItemKind::Sign) {
        std::string text = b.booth.content.signs[app.m_selected->index];
        if (ImGui::InputText("sign", &text))
            (void)booth::setSign(app.m_editor, app.m_selected->index, text);
        if (ImGui::IsItemDeactivatedAfterEdit()) app.m_editor.endGesture();
    } else {
        ImGui::TextWrapped("%s %zu: %s", booth::toString(app.m_selected->kind),
                           app.m_selected->index,
                           itemLabel(b, app.m_selected->kind, app.m_selected->index).c_str());
        if (app.m_selected->kind == booth::ItemKind::Poster) {
            auto s = app.m_stats.find(b.booth.content.posters[app.m_selected->index].image);
            if (s != app.m_stats.end() && s->second.ok)
                ImGui::Text("%u x %u pixels", s->second.width, s->second.height);
        }
    }
    ImGui::Separator();
    profileForm(app);
}

void EditorUi::profileForm(EditorApp& app) {
    if (!ImGui::CollapsingHeader("Company profile")) return;
    expo::Exhibitor p = app.m_editor.bundle().profile;
    bool changed = ImGui::InputText("name", &p.name);
    changed |= ImGui::InputText("country", &p.country);
    changed |= ImGui::InputText("sector", &p.sector);
    changed |= ImGui::InputTextMultiline("description", &p.description, ImVec2(0, 60));
    changed |= ImGui::InputText("website", &p.website);
    changed |= ImGui::InputText("e-mail", &p.email);
    changed |= ImGui::Checkbox("small or medium enterprise", &p.sme);
    ImGui::TextDisabled("logo: %s", p.logo.empty() ? "(none)" : p.logo.c_str());
    if (changed) (void)booth::setProfile(app.m_editor, p);
    if (ImGui::IsItemDeactivated()) app.m_editor.endGesture();
}

void EditorUi::budgetPanel(EditorApp& app) {
    const auto& b = app.m_editor.bundle();
    booth::Budget budget = booth::budgetFor(b.booth.size);
    booth::BudgetUse use = booth::measureUse(b, app.m_stats);
    meter("triangles", use.triangles, budget.maxTriangles,
          fmt::format("{} / {}", use.triangles, budget.maxTriangles));
    meter("texture memory", use.textureBytes, budget.maxTextureBytes,
          megabytes(use.textureBytes) + " / " + megabytes(budget.maxTextureBytes));
    meter("total size", use.totalBytes, budget.maxTotalBytes,
          megabytes(use.totalBytes) + " / " + megabytes(budget.maxTotalBytes));
    ImGui::Separator();
    if (app.m_problems.empty())
        ImGui::TextColored({0.3f, 0.85f, 0.4f, 1}, "No problems: every check passes.");
    for (const auto& p : app.m_problems) {
        ImVec4 c = p.severity == booth::Severity::Error ? ImVec4(1, 0.35f, 0.3f, 1)
                                                        : ImVec4(1, 0.8f, 0.3f, 1);
        ImGui::TextColored(c, "%s", p.toString().c_str());
    }
}

void EditorUi::publishPanel(EditorApp& app) {
    EditorUiState& ui = app.m_ui;
    if (!ui.publishLoaded) {
        ui.publishServer = app.m_publishSettings.server;
        ui.publishToken = app.m_publishSettings.token;
        ui.publishLoaded = true;
    }
    ImGui::Separator();
    ImGui::SetNextItemWidth(170);
    ImGui::InputText("server", &ui.publishServer);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    ImGui::InputText("token", &ui.publishToken, ImGuiInputTextFlags_Password);
    ImGui::SameLine();
    std::size_t errors = 0;
    for (const auto& p : app.m_problems)
        errors += p.severity == booth::Severity::Error ? 1 : 0;
    const EditorPublisher& pub = app.m_publisher;
    ImGui::BeginDisabled(errors > 0 || pub.busy());
    if (ImGui::Button("Publish"))
        app.report(app.publish({ui.publishServer, ui.publishToken}),
                   "publishing to " + ui.publishServer);
    ImGui::EndDisabled();
    if (errors > 0) {
        ImGui::SameLine();
        ImGui::TextColored({1, 0.4f, 0.3f, 1}, "fix %zu error(s) first", errors);
    }
    openPanel(app);
    if (pub.state() != PublishState::Idle) {
        ImGui::ProgressBar(pub.progress(), ImVec2(-1, 0));
        const auto* r = pub.result();
        const bool bad = pub.state() == PublishState::Failed ||
                         (r && r->outcome == expo::proto::PublishOutcome::Refused);
        const bool good = r && r->outcome != expo::proto::PublishOutcome::Refused;
        ImGui::PushStyleColor(ImGuiCol_Text, bad    ? ImVec4(1, 0.4f, 0.3f, 1)
                                             : good ? ImVec4(0.3f, 0.85f, 0.4f, 1)
                                                    : ImVec4(0.8f, 0.85f, 0.9f, 1));
        ImGui::TextWrapped("%s", pub.statusText().c_str()); // refusals can be several lines
        ImGui::PopStyleColor();
    }
    if (!app.m_status.empty() && app.m_status != pub.statusText() &&
        app.m_status != app.m_opener.statusText()) // said once is enough
        ImGui::TextColored(app.m_statusError ? ImVec4(1, 0.4f, 0.3f, 1)
                                             : ImVec4(0.8f, 0.85f, 0.9f, 1),
                           "%s", app.m_status.c_str());
}

// The server offered several booths, or a version waiting for approval: the user picks one in a
// window of its own (the bottom panel is too small for a list).
void EditorUi::pickWindow(EditorApp& app) {
    EditorOpener& op = app.m_opener;
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Open from the server")) {
        ImGui::TextWrapped("%s offers these versions; pick the one to open:",
                           op.sourceLabel().c_str());
        if (!op.note().empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.8f, 0.3f, 1));
            ImGui::TextWrapped("%s", op.note().c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        const auto& entries = op.entries();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            std::string label = fmt::format("{}##pick{}", netclient::describe(entries[i]), i);
            if (ImGui::Selectable(label.c_str())) app.report(op.choose(i), "downloading");
        }
        ImGui::Separator();
        if (ImGui::Button("Cancel")) op.cancel();
    }
    ImGui::End();
}

// "Open my booth from the server" with the server and token above: the exhibitor's booth (a
// pick list when there are several, or a version waiting for approval), or any booth by id for
// an organiser.
void EditorUi::openPanel(EditorApp& app) {
    EditorUiState& ui = app.m_ui;
    EditorOpener& op = app.m_opener;
    ImGui::BeginDisabled(op.busy() || app.m_publisher.busy());
    if (ImGui::Button("Open my booth from the server"))
        app.report(
            app.openFromServer({ui.publishServer, ui.publishToken}, ui.openBoothId, false, true),
            "opening from " + ui.publishServer);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    ImGui::InputTextWithHint("##openid", "booth id (organiser)", &ui.openBoothId);
    if (op.state() == OpenState::Choosing) {
        pickWindow(app);
    } else if (op.busy()) {
        ImGui::ProgressBar(op.progress(), ImVec2(-1, 0));
        ImGui::TextWrapped("%s", op.statusText().c_str());
    } else if (op.state() == OpenState::Failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.4f, 0.3f, 1));
        ImGui::TextWrapped("%s", op.statusText().c_str());
        ImGui::PopStyleColor();
    }
}

} // namespace fg::editor
