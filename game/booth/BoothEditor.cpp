// Undo/redo history for BoothEditor: snapshot steps, gesture merging, bounded depth.
// Must not know about particular edits; those are in BoothEdits.cpp.
#include "game/booth/BoothEditor.h"

namespace fg::booth {

BoothEditor::BoothEditor(BoothBundle bundle) : m_current(std::move(bundle)) {}

void BoothEditor::reset(BoothBundle bundle) {
    m_current = std::move(bundle);
    m_undo.clear();
    m_redo.clear();
    m_gestureOpen = false;
    ++m_revision;
    m_savedRevision = m_revision;
}

Status BoothEditor::edit(const std::string& label,
                         const std::function<Status(BoothBundle&)>& change,
                         const std::string& mergeKey) {
    BoothBundle next = m_current;
    if (Status st = change(next); !st) return st;
    bool merge =
        m_gestureOpen && !mergeKey.empty() && !m_undo.empty() && m_undo.back().mergeKey == mergeKey;
    if (merge) {
        m_undo.back().after = next;
    } else {
        m_undo.push_back({label, mergeKey, m_current, next});
        if (m_undo.size() > kMaxUndoSteps) m_undo.erase(m_undo.begin());
    }
    m_gestureOpen = !mergeKey.empty();
    m_redo.clear();
    m_current = std::move(next);
    ++m_revision;
    return {};
}

bool BoothEditor::undo() {
    if (m_undo.empty()) return false;
    m_current = m_undo.back().before;
    m_redo.push_back(std::move(m_undo.back()));
    m_undo.pop_back();
    m_gestureOpen = false;
    ++m_revision;
    return true;
}

bool BoothEditor::redo() {
    if (m_redo.empty()) return false;
    m_current = m_redo.back().after;
    m_undo.push_back(std::move(m_redo.back()));
    m_redo.pop_back();
    m_gestureOpen = false;
    ++m_revision;
    return true;
}

} // namespace fg::booth
