// bareImGuiLiterals(): a small C++ lexer (comments, strings, parentheses, commas) that finds
// English literals reaching ImGui:: calls without a tr() wrapper. Reads source text only.
#include "tests/i18n/PoFile.h"

#include <cctype>
#include <regex>
#include <set>

namespace fg::i18n {
namespace {

const std::set<std::string> kTranslators = {"tr", "trl", "trn", "trc", "trf", "trnf", "trMark"};
// ImGui calls whose first argument is an ID that is never shown.
const std::set<std::string> kIdFirst = {"ImGui::BeginChild",
                                        "ImGui::BeginTable",
                                        "ImGui::BeginTabBar",
                                        "ImGui::PushID",
                                        "ImGui::OpenPopup",
                                        "ImGui::BeginPopup",
                                        "ImGui::GetID",
                                        "ImGui::BeginPopupContextItem",
                                        "ImGui::BeginPopupContextWindow",
                                        "ImGui::IsPopupOpen",
                                        "ImGui::InvisibleButton"};

struct Literal {
    std::string text;
    int line;
    std::size_t arg;
};

struct Frame {
    std::string name;
    std::size_t arg = 0;
    int braces = 0;
    std::vector<Literal> literals; // direct arguments
};

// Words left once IDs ("##..."), printf conversions, fmt fields and escapes are taken out.
bool hasWords(const std::string& raw) {
    static const std::regex conv(
        R"(%[-+ #0]*\d*(\.\d+)?(hh|h|ll|l|z|j|t)?[a-zA-Z]|%%|\{[^}]*\}|\\.)");
    std::string t = raw.substr(0, raw.find("##"));
    t = std::regex_replace(t, conv, " ");
    static const std::regex word("[A-Za-z]{2,}");
    return std::regex_search(t, word);
}

std::string calleeBefore(std::string_view src, std::size_t open) {
    std::size_t e = open;
    while (e > 0 && std::isspace(static_cast<unsigned char>(src[e - 1])))
        --e;
    std::size_t b = e;
    while (b > 0 && (std::isalnum(static_cast<unsigned char>(src[b - 1])) || src[b - 1] == '_' ||
                     src[b - 1] == ':'))
        --b;
    return std::string(src.substr(b, e - b));
}

std::size_t skipQuoted(std::string_view src, std::size_t i, char q) {
    for (++i; i < src.size() && src[i] != q; ++i)
        if (src[i] == '\\') ++i;
    return i; // at the closing quote
}

} // namespace

std::vector<std::string> bareImGuiLiterals(std::string_view src, const std::string& file) {
    std::vector<std::string> out;
    std::vector<Frame> stack;
    int line = 1;
    std::size_t lastLiteralEnd = std::string_view::npos;
    auto report = [&](const Literal& l, const std::string& call) {
        out.push_back(file + ":" + std::to_string(l.line) + ": " + call + "(\"" + l.text +
                      "\") needs tr()/trl()");
    };
    auto closeFrame = [&] {
        Frame f = std::move(stack.back());
        stack.pop_back();
        if (!f.name.starts_with("ImGui::")) return;
        const bool idFirst =
            kIdFirst.contains(f.name) || (f.name == "ImGui::TreeNode" && f.arg > 0);
        for (const Literal& l : f.literals)
            if (!(idFirst && l.arg == 0) && hasWords(l.text)) report(l, f.name);
    };
    for (std::size_t i = 0; i < src.size(); ++i) {
        const char c = src[i];
        if (c == '\n') ++line;
        if (src.substr(i, 2) == "//" || (c == '#' && (i == 0 || src[i - 1] == '\n'))) {
            i = std::min(src.find('\n', i), src.size()) - 1;
        } else if (src.substr(i, 2) == "/*") {
            const auto e = std::min(src.find("*/", i), src.size());
            for (std::size_t k = i; k < e; ++k)
                line += src[k] == '\n';
            i = e + 1;
        } else if (c == '\'' && !(i > 0 && std::isalnum(static_cast<unsigned char>(src[i - 1])))) {
            i = skipQuoted(src, i, '\'');
        } else if (c == '"') {
            const std::size_t e = skipQuoted(src, i, '"');
            const std::string text(src.substr(i + 1, e - i - 1));
            bool joined = false;
            if (lastLiteralEnd != std::string_view::npos && !stack.empty() &&
                !stack.back().literals.empty()) {
                const auto gap = src.substr(lastLiteralEnd, i - lastLiteralEnd);
                joined = gap.find_first_not_of(" \t\r\n") == std::string_view::npos;
                if (joined) stack.back().literals.back().text += text; // "a" "b"
            }
            if (!joined && !stack.empty()) {
                Frame& top = stack.back();
                const bool underImGui = std::any_of(stack.begin(), stack.end(), [](const Frame& f) {
                    return f.name.starts_with("ImGui::");
                });
                if (top.name.starts_with("ImGui::"))
                    top.literals.push_back({text, line, top.arg});
                else if (underImGui && !kTranslators.contains(top.name) && hasWords(text))
                    report({text, line, 0}, top.name.empty() ? "(...)" : top.name);
            }
            lastLiteralEnd = e + 1;
            i = e;
        } else if (c == '(') {
            stack.push_back({calleeBefore(src, i)});
        } else if (c == ')' && !stack.empty()) {
            closeFrame();
        } else if (c == ',' && !stack.empty() && stack.back().braces == 0) {
            ++stack.back().arg;
        } else if ((c == '{' || c == '[') && !stack.empty()) {
            ++stack.back().braces;
        } else if ((c == '}' || c == ']') && !stack.empty()) {
            --stack.back().braces;
        }
    }
    return out;
}

} // namespace fg::i18n
