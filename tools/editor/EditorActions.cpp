// Script actions: each line of an editor script mapped onto the same operations as the panels.
// Must not bypass BoothEditor: every change a script makes is undoable like a user's.
#include "engine/core/Log.h"
#include "tools/editor/EditorApp.h"

#include <fmt/format.h>

namespace fg::editor {

namespace {

Status needArgs(const ScriptAction& a, std::size_t n) {
    if (a.args.size() >= n) return {};
    return makeError(fmt::format("line {}: {} needs {} argument(s)", a.line, a.name, n));
}

Result<float> number(const ScriptAction& a, std::size_t i) {
    try {
        return std::stof(a.args.at(i));
    } catch (const std::exception&) {
        return makeError(fmt::format("line {}: {}: expected a number, found \"{}\"", a.line, a.name,
                                     i < a.args.size() ? a.args[i] : ""));
    }
}

Result<glm::vec3> vec3(const ScriptAction& a) {
    glm::vec3 v;
    for (int i = 0; i < 3; ++i) {
        auto n = number(a, std::size_t(i));
        if (!n) return n.error();
        v[i] = *n;
    }
    return v;
}

bool parseKind(const std::string& s, booth::ItemKind& out) {
    for (auto k : {booth::ItemKind::Model, booth::ItemKind::Poster, booth::ItemKind::Sign,
                   booth::ItemKind::Document, booth::ItemKind::Link, booth::ItemKind::Video})
        if (s == booth::toString(k)) return out = k, true;
    return false;
}

} // namespace

void EditorApp::runScript() {
    while (m_nextAction < m_script.size() && m_script[m_nextAction].frame <= m_frame) {
        const ScriptAction& a = m_script[m_nextAction++];
        if (Status st = runAction(a); !st) {
            log::error("editor: script line {} ({}): {}", a.line, a.name, st.error().message);
            m_exitCode = 1;
        }
    }
}

Status EditorApp::runContentAction(const ScriptAction& a, bool& handled) {
    handled = true;
    Bytes bytes;
    if (a.name == "import") {
        if (Status st = needArgs(a, 1); !st) return st;
        return importModel(a.args[0]);
    }
    if (a.name == "poster" || a.name == "logo") {
        std::size_t fileArg = a.name == "poster" ? 1 : 0;
        if (Status st = needArgs(a, fileArg + 1); !st) return st;
        if (Status st = readInto(a.args[fileArg], bytes); !st) return st;
        if (a.name == "logo") return booth::setLogo(m_editor, a.args[0], bytes);
        auto slot = number(a, 0);
        if (!slot) return slot.error();
        return booth::setPoster(m_editor, std::uint32_t(*slot), a.args[1], bytes);
    }
    if (a.name == "sign")
        return needArgs(a, 1) ? booth::addSign(m_editor, a.args[0]) : needArgs(a, 1);
    if (a.name == "link")
        return needArgs(a, 2) ? booth::addLink(m_editor, a.args[0], a.args[1]) : needArgs(a, 2);
    if (a.name == "document") {
        if (Status st = needArgs(a, 2); !st) return st;
        if (Status st = readInto(a.args[1], bytes); !st) return st;
        return booth::addDocument(m_editor, a.args[0], a.args[1], bytes);
    }
    if (a.name == "video") {
        if (Status st = needArgs(a, 3); !st) return st;
        if (Status st = readInto(a.args[2], bytes); !st) return st;
        return booth::addVideo(m_editor, a.args[0], a.args[1], a.args[2], bytes);
    }
    if (a.name == "profile") { // profile FIELD VALUE
        if (Status st = needArgs(a, 2); !st) return st;
        expo::Exhibitor p = m_editor.bundle().profile;
        const std::string& v = a.args[1];
        if (a.args[0] == "name")
            p.name = v;
        else if (a.args[0] == "country")
            p.country = v;
        else if (a.args[0] == "sector")
            p.sector = v;
        else if (a.args[0] == "description")
            p.description = v;
        else if (a.args[0] == "website")
            p.website = v;
        else if (a.args[0] == "email")
            p.email = v;
        else
            return makeError("profile: unknown field " + a.args[0]);
        Status st = booth::setProfile(m_editor, p);
        m_editor.endGesture();
        return st;
    }
    handled = false;
    return {};
}

Status EditorApp::runAction(const ScriptAction& a) {
    bool handled = false;
    Status content = runContentAction(a, handled);
    if (handled) return content;
    Status opened = runOpenAction(a, handled); // EditorAppOpen.cpp
    if (handled) return opened;
    if (a.name == "select") {
        booth::ItemKind kind;
        if (Status st = needArgs(a, 2); !st) return st;
        if (!parseKind(a.args[0], kind)) return makeError("select: unknown kind " + a.args[0]);
        auto i = number(a, 1);
        if (!i) return i.error();
        m_selected = booth::ItemRef{kind, std::size_t(*i)};
        return {};
    }
    if (a.name == "click" || a.name == "drag") { // click X Y | drag X0 Y0 X1 Y1 (window pixels)
        std::vector<float> v;
        for (std::size_t i = 0; i < a.args.size(); ++i) {
            auto n = number(a, i);
            if (!n) return n.error();
            v.push_back(*n);
        }
        if (a.name == "click")
            return v.size() == 2 ? (clickAt({v[0], v[1]}), Status{}) : needArgs(a, 2);
        if (v.size() != 4) return needArgs(a, 4);
        if (!beginHandleDrag({v[0], v[1]}))
            return makeError(fmt::format("line {}: no handle at {} {}", a.line, v[0], v[1]));
        for (int step = 1; step <= 8; ++step)
            dragHandle((glm::vec2(v[2], v[3]) - glm::vec2(v[0], v[1])) / 8.0f);
        endHandleDrag();
        return {};
    }
    if (a.name == "drag-handle") { // drag-handle x|y|z DX DY: grab that handle, move the mouse
        if (Status st = needArgs(a, 3); !st) return st;
        int axis = a.args[0] == "x" ? 0 : a.args[0] == "y" ? 1 : a.args[0] == "z" ? 2 : -1;
        auto dx = number(a, 1), dy = number(a, 2);
        if (axis < 0 || !dx || !dy)
            return makeError(fmt::format("line {}: drag-handle x|y|z DX DY", a.line));
        refresh(); // handles follow the current selection
        if (!m_scene->hasHandles())
            return makeError(fmt::format("line {}: no model selected", a.line));
        glm::vec3 at = projectToPixel(m_camera.camera(), m_scene->handlePoint(axis), viewSize());
        if (!beginHandleDrag(glm::vec2(at)))
            return makeError(fmt::format("line {}: the {} handle is not under {} {}", a.line,
                                         a.args[0], at.x, at.y));
        if (m_drag->axis != axis)
            return makeError(fmt::format("line {}: grabbed handle {} instead of {}", a.line,
                                         m_drag->axis, axis));
        for (int step = 1; step <= 8; ++step)
            dragHandle(glm::vec2(*dx, *dy) / 8.0f);
        endHandleDrag();
        return {};
    }
    if (a.name == "move" || a.name == "rotate" || a.name == "scale") { // the numeric fields
        if (!m_selected || m_selected->kind != booth::ItemKind::Model)
            return makeError(a.name + ": no model selected");
        auto v = vec3(a);
        if (!v) return v.error();
        const auto& m = m_editor.bundle().booth.content.models.at(m_selected->index);
        booth::Transform t{m.position, m.rotation, m.scale};
        (a.name == "move" ? t.position : a.name == "rotate" ? t.rotation : t.scale) = *v;
        return booth::setModelTransform(m_editor, m_selected->index, t);
    }
    if (a.name == "mode") {
        if (Status st = needArgs(a, 1); !st) return st;
        m_mode = a.args[0] == "rotate"  ? GizmoMode::Rotate
                 : a.args[0] == "scale" ? GizmoMode::Scale
                                        : GizmoMode::Move;
        return {};
    }
    if (a.name == "snap")
        return needArgs(a, 1) ? (m_snap = a.args[0] == "on", Status{}) : needArgs(a, 1);
    if (a.name == "camera") { // camera YAW PITCH DISTANCE
        auto v = vec3(a);
        if (!v) return v.error();
        m_camera.yaw = v->x, m_camera.pitch = v->y, m_camera.distance = v->z;
        return {};
    }
    if (a.name == "undo") return undo(), Status{};
    if (a.name == "redo") return redo(), Status{};
    if (a.name == "duplicate") return duplicateSelected(), Status{};
    if (a.name == "delete") return deleteSelected(), Status{};
    if (a.name == "save") {
        Status st = saveBundle(a.args.empty() ? m_file : std::filesystem::path(a.args[0]));
        report(st, "saved " + m_file.string());
        return st;
    }
    if (a.name == "open") return needArgs(a, 1) ? openBundle(a.args[0]) : needArgs(a, 1);
    if (a.name == "new")
        return needArgs(a, 4) ? newFromTemplate(a.args[0], a.args[1], a.args[2], a.args[3])
                              : needArgs(a, 4);
    if (a.name == "quit") return m_quit = true, Status{};
    if (a.name == "publish") { // publish [HOST:PORT TOKEN] (default: the remembered ones)
        PublishSettings s = m_publishSettings;
        if (a.args.size() >= 1) s.server = a.args[0];
        if (a.args.size() >= 2) s.token = a.args[1];
        Status st = publish(s);
        report(st, "publishing to " + s.server);
        return st;
    }
    return makeError(fmt::format("line {}: unknown action \"{}\"", a.line, a.name));
}

} // namespace fg::editor
