// Turns an uploaded deck (one PDF, or PNG/JPEG page files one after another) into page textures
// in the content store: the PDF is rendered in the sandboxed child, images decoded with limits.
// Knows nothing about sessions, permissions or the network; runs on the deck worker's thread.
#pragma once

#include "engine/doc/DeckPages.h"
#include "game/expo/protocol/DeckMessages.h"
#include "server/publish/ContentStore.h"

#include <filesystem>
#include <string>
#include <vector>

namespace fg::server {

// The bytes of one deck as uploaded (or read by the console's `session deck`).
struct DeckSource {
    std::string fileName; // as the person knows it: every error names it
    expo::proto::DeckFileKind kind = expo::proto::DeckFileKind::Pdf;
    std::vector<std::uint64_t> partSizes; // each file's bytes, in page order
    Bytes bytes;
};

// The deck in FILE on the server's disk (organiser's console): a PDF, a PNG or a JPEG page.
Result<DeckSource> readDeckFile(const std::filesystem::path& file);

// Renders and cooks SOURCE into STORE; the pages' asset names ("<hash>.fgt"), in order. SCRATCH
// is a folder for the PDF the sandboxed child reads. A refused file, page or limit is an error
// naming the file (and the page); nothing is stored then that a deck refers to.
Result<std::vector<std::string>> cookDeck(const DeckSource& source, publish::ContentStore& store,
                                          const std::filesystem::path& scratch,
                                          const DeckLimits& limits);

} // namespace fg::server
