// fairground-editor entry point: parses options and runs the editor.
// Must not hold logic beyond that; everything lives in fg_editor.
#include "engine/core/Log.h"
#include "tools/editor/EditorApp.h"
#include "tools/editor/EditorOptions.h"

#include <cstdio>

int main(int argc, char** argv) {
    auto parsed = fg::editor::parseEditorOptions(argc, argv);
    if (parsed.exitCode >= 0) {
        std::fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", parsed.message.c_str());
        return parsed.exitCode;
    }
    fg::editor::EditorApp app(std::move(parsed.options));
    return app.run();
}
