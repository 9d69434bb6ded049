// The editor's Dear ImGui panels: booth and files, items and content forms, inspector with
// numeric fields, company profile, budget meter and problems. Calls EditorApp operations only.
#pragma once

#include <string>

namespace fg::editor {

class EditorApp;

// Text the user is typing into the panels, kept between frames.
struct EditorUiState {
    std::string openPath, savePath, exhibitionPath, exhibitionBooth;
    std::string modelPath, posterPath, logoPath, signText, docTitle, docPath;
    std::string linkTitle, linkUrl, videoTitle, videoUrl, videoThumb;
    int posterSlot = 0;
    int templateIndex = 2, sizeIndex = 0;
    std::string newBoothId = "my-booth", newExhibitor = "my-company";
    bool profileLoaded = false;
    std::string publishServer, publishToken;
    bool publishLoaded = false;
    std::string openBoothId; // organisers open any booth by id; empty: my booths
};

class EditorUi {
public:
    static void draw(EditorApp& app);

private:
    static void filePanel(EditorApp& app);
    static void itemsPanel(EditorApp& app);
    static void addPanel(EditorApp& app);
    static void inspector(EditorApp& app);
    static void modelInspector(EditorApp& app, std::size_t index);
    static void profileForm(EditorApp& app);
    static void budgetPanel(EditorApp& app);
    static void publishPanel(EditorApp& app);
    static void openPanel(EditorApp& app);
    static void pickWindow(EditorApp& app);
};

} // namespace fg::editor
