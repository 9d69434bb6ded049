// Helpers shared by the fg_doc tests: a fresh temporary folder and a small deck PDF written by
// code (three pages, a red bar on the first). Test-only; writes only under its folders.
#pragma once

#include "engine/doc/PdfWriter.h"

#include <filesystem>
#include <string>

namespace fgtest {

std::filesystem::path freshDocDir(const std::string& name);
// Three 960 x 540 point pages; page 1 has a red rectangle over its left half and a title.
fg::Bytes threePagePdf();

} // namespace fgtest
