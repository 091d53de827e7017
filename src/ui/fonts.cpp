// Font loading and the app's ImGui style.
#include "ui/fonts.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>

namespace thecaview {

namespace {
// Debian's fonts-dejavu-core puts the font here; THECAVIEW_FONT overrides it.
constexpr std::array<const char*, 2> kFontCandidates{
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
};

void apply_high_contrast(ImGuiStyle& style) {
    const ImVec4 black(0.0f, 0.0f, 0.0f, 1.0f), white(1.0f, 1.0f, 1.0f, 1.0f), yellow(1.0f, 0.86f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_WindowBg] = black;
    style.Colors[ImGuiCol_PopupBg] = black;
    style.Colors[ImGuiCol_Text] = white;
    style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
    for (const ImGuiCol c : {ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_FrameBg}) style.Colors[c] = ImVec4(0.0f, 0.0f, 0.35f, 1.0f);
    // White text stays on dark blues; yellow marks what is set (ticks, slider grabs, progress).
    for (const ImGuiCol c : {ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered, ImGuiCol_FrameBgHovered}) {
        style.Colors[c] = ImVec4(0.0f, 0.25f, 0.75f, 1.0f);
    }
    for (const ImGuiCol c : {ImGuiCol_ButtonActive, ImGuiCol_HeaderActive}) style.Colors[c] = ImVec4(0.0f, 0.42f, 1.0f, 1.0f);
    for (const ImGuiCol c : {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive, ImGuiCol_PlotHistogram}) {
        style.Colors[c] = yellow;
    }
    style.Colors[ImGuiCol_Border] = white;
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 1.0f;
}

void apply_style(float scale, bool high_contrast, bool touch) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 5.0f;
    style.GrabRounding = 5.0f;
    style.WindowBorderSize = 0.0f;
    style.FramePadding = ImVec2(8.0f, 6.0f);
    style.ItemSpacing = ImVec2(8.0f, 7.0f);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.07f, 0.08f, 0.11f, 0.96f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.20f, 0.36f, 0.56f, 0.80f);
    style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.45f, 0.68f, 0.90f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.18f, 0.32f, 0.50f, 1.00f);
    if (high_contrast) apply_high_contrast(style);
    if (touch) {
        style.ItemSpacing.y = 10.0f;
        style.ScrollbarSize = 40.0f;
        style.GrabMinSize = 40.0f;
    }
    style.ScaleAllSizes(scale);
    // A finger needs 48 px at 1080p: frame height = font + 2 * padding, rounded up after scaling.
    if (touch) style.FramePadding.y = std::ceil((48.0f - kBaseFontPx) * scale * 0.5f);
}
}  // namespace

UiFonts setup_fonts_and_style(const FontRequest& request) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    UiFonts out;
    std::string path;
    if (const char* env = std::getenv("THECAVIEW_FONT"); env && *env) {
        path = env;
    } else {
        for (const char* candidate : kFontCandidates) {
            if (std::filesystem::exists(candidate)) {
                path = candidate;
                break;
            }
        }
    }
    // Latin and Latin-1 Supplement, Latin Extended-A: accents for the European languages.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x25CF, 0x25CF, 0};
    ImFont* font = nullptr;
    if (!path.empty() && std::filesystem::exists(path)) {
        font = io.Fonts->AddFontFromFileTTF(path.c_str(), kBaseFontPx * request.scale, nullptr, ranges);
        if (font && request.caption_px > 0.0f) {
            out.caption = io.Fonts->AddFontFromFileTTF(path.c_str(), request.caption_px, nullptr, ranges);
        }
    }
    if (!font) {
        out.message = "font " + (path.empty() ? std::string(kFontCandidates[0]) : path) +
                      " not found or unreadable (install fonts-dejavu-core); using ImGui's built-in font";
        ImFontConfig config;
        config.SizePixels = kBaseFontPx * request.scale;  // the same size, so touch targets stay 48 px
        font = io.Fonts->AddFontDefault(&config);
        if (request.caption_px > 0.0f) {
            ImFontConfig large;
            large.SizePixels = request.caption_px;
            out.caption = io.Fonts->AddFontDefault(&large);
        }
    }
    if (!out.caption) out.caption = font;
    apply_style(request.scale, request.high_contrast, request.touch);
    return out;
}

}  // namespace thecaview
