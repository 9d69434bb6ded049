// The editing model: the current bundle plus undo/redo history of whole-bundle snapshots.
// Files are shared pointers, so a snapshot costs the booth record only. No UI or rendering here.
#pragma once

#include "game/booth/BoothBundle.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fg::booth {

class BoothEditor {
public:
    static constexpr std::size_t kMaxUndoSteps = 500;

    explicit BoothEditor(BoothBundle bundle = {});

    const BoothBundle& bundle() const { return m_current; }
    // Replaces the bundle and forgets the history (open, new from template).
    void reset(BoothBundle bundle);

    // Runs CHANGE on a copy of the bundle; on success the copy becomes current and one undo step
    // named LABEL is recorded. A failed CHANGE leaves everything as it was. While a gesture is
    // open (a drag), edits with the same non-empty MERGEKEY fold into one step.
    Status edit(const std::string& label, const std::function<Status(BoothBundle&)>& change,
                const std::string& mergeKey = {});
    // Ends the current gesture: the next edit starts a new undo step even with the same key.
    void endGesture() { m_gestureOpen = false; }

    bool undo();
    bool redo();
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::string undoLabel() const { return canUndo() ? m_undo.back().label : std::string(); }
    std::string redoLabel() const { return canRedo() ? m_redo.back().label : std::string(); }

    // Increases on every change (edit, undo, redo, reset), for caches that follow the bundle.
    std::uint64_t revision() const { return m_revision; }
    bool modified() const { return m_revision != m_savedRevision; }
    void markSaved() { m_savedRevision = m_revision; }

private:
    struct Step {
        std::string label;
        std::string mergeKey;
        BoothBundle before;
        BoothBundle after;
    };
    BoothBundle m_current;
    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
    bool m_gestureOpen = false;
    std::uint64_t m_revision = 1;
    std::uint64_t m_savedRevision = 1;
};

} // namespace fg::booth
