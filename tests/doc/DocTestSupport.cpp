// Temporary folders and generated PDFs for the fg_doc tests (test-only code).
#include "tests/doc/DocTestSupport.h"

#include <unistd.h>

namespace fgtest {

std::filesystem::path freshDocDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("fg-doc-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

fg::Bytes threePagePdf() {
    std::vector<fg::PdfPage> pages(3);
    pages[0].rects.push_back({0, 0, 480, 540, 220, 20, 30});
    pages[0].texts.push_back({520, 400, 40, "Slide one", 0, 0, 0});
    pages[1].rects.push_back({0, 0, 960, 540, 20, 40, 200});
    pages[2].texts.push_back({40, 40, 24, "Thanks (and questions)", 0, 0, 0});
    return fg::writeSimplePdf(pages);
}

} // namespace fgtest
