// Deck upload in the client: reads the files, drives DeckUploadClient over the joined link,
// resumes it after a Welcome, draws its section in the stage panel. Never applies a deck itself
// (the server's DeckChanged does, through ClientContent).
#include "game/client/deckupload/DeckUploadFeature.h"

#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/programme/StageFeature.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

namespace fs = std::filesystem;

namespace {

bool isPageImage(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

} // namespace

Result<std::vector<fs::path>> deckFilesAt(const fs::path& path) {
    std::error_code ec;
    if (path.empty()) return makeError("deck: give the path of a PDF, an image or a folder");
    if (!fs::is_directory(path, ec)) {
        if (!fs::exists(path, ec)) return makeError(fmt::format("{}: no such file", path.string()));
        return std::vector<fs::path>{path};
    }
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.is_regular_file() && isPageImage(entry.path())) pages.push_back(entry.path());
    if (pages.empty())
        return makeError(fmt::format("{}: the folder holds no PNG or JPEG page", path.string()));
    std::sort(pages.begin(), pages.end());
    return pages;
}

DeckUploadFeature::DeckUploadFeature(Session& s, ClientFeatures& host)
    : m_s(s), m_stage(host.find<StageFeature>()) {
    if (m_stage) m_stage->addPresenterSection([this](const expo::Session& e) { section(e); });
}

void DeckUploadFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::DeckUploadStatus>([this](proto::DeckUploadStatus& m) {
        if (m_upload) m_upload->handle(proto::Message{m});
    });
    router.on<proto::DeckUploadResult>([this](proto::DeckUploadResult& m) {
        if (m_upload) m_upload->handle(proto::Message{m});
    });
}

Status DeckUploadFeature::start(const std::string& sessionId, const fs::path& path) {
    netclient::NetClient* client = joinedClient(m_s);
    if (!client) return makeError("deck: not connected to a server");
    if (m_upload && !m_upload->finished())
        return makeError(fmt::format("deck: {} is still uploading", m_upload->fileName()));
    auto files = deckFilesAt(path);
    if (!files) return files.error();
    auto deck = netclient::readDeckFiles(*files);
    if (!deck) return deck.error();
    log::info("client: uploading {} ({} bytes) as the deck of '{}'", deck->fileName,
              deck->bytes.size(), sessionId);
    m_upload = std::make_unique<netclient::DeckUploadClient>(*client, sessionId, std::move(*deck));
    m_told = false;
    return {};
}

void DeckUploadFeature::onJoined() {
    netclient::NetClient* client = joinedClient(m_s);
    if (m_upload && client && !m_upload->finished()) {
        log::info("client: resuming the deck upload of {}", m_upload->fileName());
        m_upload->reconnected(*client);
    }
}

void DeckUploadFeature::update() {
    // A file dropped on the window fills the path field; the person still presses "Upload deck".
    if (!m_s.droppedFiles.empty()) {
        m_path = m_s.droppedFiles.front();
        if (m_stage && m_stage->attending() && m_stage->presents(m_stage->attending()->id))
            toast(m_s, trf("Deck: {} (press Upload deck in the stage panel)", m_path));
    }
    if (!m_upload) return;
    if (joinedClient(m_s) && !m_upload->finished()) m_upload->pump();
    if (m_upload->finished() && !m_told) finished();
}

void DeckUploadFeature::finished() {
    m_told = true;
    const bool ok = m_upload->succeeded();
    log::info("client: deck upload: {}", m_upload->statusText());
    toast(m_s,
          ok ? trf("New deck: {}", m_upload->statusText()) : trf("Deck {}", m_upload->statusText()),
          !ok);
}

void DeckUploadFeature::section(const expo::Session& e) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Deck (a PDF, a PNG/JPEG page, or a folder of pages)"));
    ImGui::SetNextItemWidth(-110);
    ImGui::InputTextWithHint("##deckpath", tr("/path/to/slides.pdf"), &m_path);
    ImGui::SameLine();
    const bool busy = m_upload && !m_upload->finished();
    if (busy) ImGui::BeginDisabled();
    if (ImGui::Button(trl("Upload deck")))
        if (Status st = start(e.id, m_path); !st) toast(m_s, st.error().message, true);
    if (busy) ImGui::EndDisabled();
    if (!m_upload || m_upload->sessionId() != e.id) return;
    const std::string text = m_upload->statusText();
    if (!m_upload->finished())
        ImGui::ProgressBar(m_upload->progress(), ImVec2(-1, 0), text.c_str());
    else if (m_upload->succeeded())
        ImGui::TextWrapped("%s", text.c_str());
    else
        ImGui::TextColored({1, 0.35f, 0.35f, 1}, "%s", m_upload->error().c_str());
}

std::optional<Status> DeckUploadFeature::runAction(const std::string& name,
                                                   const std::vector<std::string>& args) {
    if (name != "deck-upload") return std::nullopt;
    if (args.size() < 2) return makeError("deck-upload: expected SESSION PATH");
    // The path is the rest of the line: it may hold spaces.
    m_path = joinArgs(std::vector<std::string>(args.begin() + 1, args.end()));
    return start(args[0], m_path);
}

} // namespace fg::client
