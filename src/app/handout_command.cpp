// `thecaview handout`: the take-home handout as an A4 PDF of four pages: the summary with a
// picture of the implant, when to get help with the clinic's numbers, the questions to ask with
// room for notes, and the glossary. Laid out with Pango on a Cairo PDF surface (Debian's
// libpango1.0-dev and libcairo2-dev): Pango wraps and shapes accented text with the same DejaVu
// Sans the panel uses and embeds it, Cairo writes the PDF; both are what GTK prints with, so no
// PDF writer of our own. The pictures come from the renderer. It names a medicine, never an amount.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "core/atomic_file.hpp"
#include "core/config.hpp"
#include "core/handout.hpp"

namespace thecaview {

namespace {

constexpr double kPageWidth = 595.28;  // A4, in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50.0;
constexpr double kFooterSpace = 30.0;
constexpr const char* kFont = "DejaVu Sans";

struct Colour {
    double r, g, b;
};
constexpr Colour kInk{0.10, 0.10, 0.12}, kAccent{0.55, 0.35, 0.02}, kUrgent{0.72, 0.10, 0.08}, kQuiet{0.35, 0.35, 0.40};

// The pages being filled from the top down: each block of text or picture goes at the cursor, or
// at the top of a new page when it does not fit.
class Pages {
public:
    Pages(cairo_t* cr, std::string footer) : cr_(cr), footer_(std::move(footer)) {}

    [[nodiscard]] double column() const { return kPageWidth - 2.0 * kMargin; }
    [[nodiscard]] int count() const { return pages_; }

    void text(const std::string& s, double size, bool bold, Colour colour, double indent = 0.0, double after = 6.0) {
        if (s.empty()) return;
        PangoLayout* layout = make_layout(s, size, bold, column() - indent);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout, &w, &h);
        room(h);
        cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
        cairo_move_to(cr_, kMargin + indent, y_);
        pango_cairo_show_layout(cr_, layout);
        g_object_unref(layout);
        y_ += h + after;
    }

    void heading(const std::string& s, Colour colour = kAccent) { text(s, 15.0, true, colour, 0.0, 8.0); }

    // Points with a bullet each, their lines indented under it.
    void bullets(const std::vector<std::string>& points, double size = 11.0) {
        for (const auto& p : points) {
            PangoLayout* layout = make_layout(p, size, false, column() - 18.0);
            int w = 0, h = 0;
            pango_layout_get_pixel_size(layout, &w, &h);
            room(h);
            cairo_set_source_rgb(cr_, kInk.r, kInk.g, kInk.b);
            cairo_new_path(cr_);  // the dot alone, not a line from where the last text ended
            cairo_arc(cr_, kMargin + 6.0, y_ + size * 0.62, 2.2, 0.0, 6.2832);
            cairo_fill(cr_);
            cairo_move_to(cr_, kMargin + 18.0, y_);
            pango_cairo_show_layout(cr_, layout);
            g_object_unref(layout);
            y_ += h + 5.0;
        }
        y_ += 6.0;
    }

    // A rendered picture (RGBA, top-down), scaled to `width` points, centred.
    void picture(const std::vector<std::uint8_t>& rgba, int w, int h, double width) {
        const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
        std::vector<unsigned char> pixels(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h));
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const std::uint8_t* src = &rgba[(static_cast<std::size_t>(y) * w + x) * 4];
                auto* dst = reinterpret_cast<std::uint32_t*>(&pixels[static_cast<std::size_t>(y) * stride]) + x;
                *dst = (std::uint32_t{src[0]} << 16) | (std::uint32_t{src[1]} << 8) | src[2];
            }
        }
        cairo_surface_t* image = cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_RGB24, w, h, stride);
        const double scale = width / w;
        room(h * scale);
        cairo_save(cr_);
        cairo_translate(cr_, kMargin + (column() - width) * 0.5, y_);
        cairo_scale(cr_, scale, scale);
        cairo_set_source_surface(cr_, image, 0.0, 0.0);
        cairo_paint(cr_);
        cairo_restore(cr_);
        cairo_surface_destroy(image);
        y_ += h * scale + 12.0;
    }

    // A box of ruled lines to write in, down to the foot of the page.
    void ruled_lines() {
        const double bottom = kPageHeight - kMargin - kFooterSpace;
        cairo_set_source_rgb(cr_, kQuiet.r, kQuiet.g, kQuiet.b);
        cairo_set_line_width(cr_, 0.5);
        for (double y = y_ + 24.0; y < bottom; y += 24.0) {
            cairo_move_to(cr_, kMargin, y);
            cairo_line_to(cr_, kPageWidth - kMargin, y);
        }
        cairo_stroke(cr_);
        y_ = bottom;
    }

    void new_page() {
        footer();
        cairo_show_page(cr_);
        ++pages_;
        y_ = kMargin;
    }

    void finish() {
        footer();
        cairo_show_page(cr_);
    }

private:
    PangoLayout* make_layout(const std::string& s, double size, bool bold, double width) {
        PangoLayout* layout = pango_cairo_create_layout(cr_);
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
        return layout;
    }

    void room(double height) {
        if (y_ > kMargin && y_ + height > kPageHeight - kMargin - kFooterSpace) new_page();
    }

    // The content's version and the education note at the foot, the page's number at the right.
    void footer() {
        cairo_set_source_rgb(cr_, kQuiet.r, kQuiet.g, kQuiet.b);
        PangoLayout* note = make_layout(footer_, 8.0, false, column() - 30.0);
        cairo_move_to(cr_, kMargin, kPageHeight - kMargin);
        pango_cairo_show_layout(cr_, note);
        g_object_unref(note);
        PangoLayout* number = make_layout(std::to_string(pages_), 8.0, false, 30.0);
        pango_layout_set_alignment(number, PANGO_ALIGN_RIGHT);
        cairo_move_to(cr_, kPageWidth - kMargin - 30.0, kPageHeight - kMargin);
        pango_cairo_show_layout(cr_, number);
        g_object_unref(number);
    }

    cairo_t* cr_;
    std::string footer_;
    double y_ = kMargin;
    int pages_ = 1;
};

// A picture of a step for the handout, from the renderer; nullopt (and a warning) when it cannot.
std::optional<RenderResult> step_picture(OffscreenRenderer& renderer, const ProcedureContent& content, const char* id,
                                         const HandoutCommand& cmd, Level tip) {
    RenderRequest request;
    request.size = {1200, 640};
    request.language = cmd.language;
    request.anatomy.catheter_tip = tip;
    request.anatomy.pump_reservoir_ml = cmd.pump_ml;
    for (std::size_t i = 0; i < content.steps.size(); ++i) {
        if (content.steps[i].id == id) request.step = static_cast<int>(i);
    }
    if (!request.step) return std::nullopt;
    request.structure_labels = true;
    std::string error;
    auto result = renderer.render(request, error);
    if (!result) std::cerr << "thecaview handout: warning: no picture of the step '" << id << "': " << error << "\n";
    return result;
}

bool write_pdf(const std::filesystem::path& file, const HandoutText& h, const std::optional<RenderResult>& implant,
               const std::optional<RenderResult>& pump, int& pages) {
    cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return false;
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, h.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Thecaview");
    cairo_t* cr = cairo_create(surface);
    Pages p(cr, h.footer);
    // 1: the summary, with the implant in the body.
    p.text(h.title, 22.0, true, kInk, 0.0, 4.0);
    p.text(h.note, 10.0, false, kQuiet, 0.0, 12.0);
    if (implant) p.picture(implant->rgba, implant->width, implant->height, p.column());
    for (const auto& line : h.about) p.text(line, 11.0, true, kInk, 0.0, 3.0);
    p.text(" ", 6.0, false, kInk);
    p.heading(h.summary_heading);
    p.bullets(h.summary);
    // 2: when to get help, the clinic's numbers first.
    p.new_page();
    p.heading(h.help_heading);
    p.text(h.help_intro, 11.0, false, kInk, 0.0, 10.0);
    for (const auto& line : h.contacts) p.text(line, 12.0, true, kInk, 0.0, 4.0);
    p.text(" ", 6.0, false, kInk);
    for (std::size_t i = 0; i < h.help_lists.size(); ++i) {
        p.text(h.help_lists[i].heading, 12.5, true, h.help_lists[i].urgent ? kUrgent : kAccent, 0.0, 6.0);
        p.bullets(h.help_lists[i].points);
    }
    if (pump) p.picture(pump->rgba, pump->width, pump->height, p.column() * 0.7);
    // 3: the questions, and room for the answers.
    p.new_page();
    p.heading(h.questions_heading);
    p.bullets(h.questions);
    p.heading(h.notes_heading);
    p.ruled_lines();
    // 4: the words to know.
    p.new_page();
    p.heading(h.glossary_heading);
    for (const auto& [term, definition] : h.glossary) {
        p.text(term, 11.5, true, kInk, 0.0, 1.0);
        p.text(definition, 10.5, false, kInk, 12.0, 8.0);
    }
    p.finish();
    pages = p.count();
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok;
}

}  // namespace

int run_handout(const HandoutCommand& cmd) {
    int status = 0;
    auto renderer = OffscreenRenderer::open_for("handout", cmd.language, status);
    if (!renderer) return status;
    std::string error;
    const ConfigLoad config = load_config(cmd.config.empty() ? std::nullopt : std::optional<std::filesystem::path>(cmd.config));
    for (const auto& e : config.errors) std::cerr << "thecaview: warning: " << e.to_string() << "\n";
    ViewerState state;
    state.language = cmd.language;
    const ProcedureContent& content = content_for(renderer->session(), state);
    if (!cmd.drug.empty() && !renderer->session().drugs.find(cmd.drug)) {
        std::cerr << "thecaview handout: unknown medicine '" << cmd.drug << "'\n";
        return 2;
    }
    HandoutOptions options;
    options.audience = cmd.level == "student" ? Audience::student : Audience::patient;
    if (!cmd.drug.empty()) options.drug = cmd.drug;
    options.tip = parse_level(cmd.tip).value_or(Level::T10);
    options.pump_ml = cmd.pump_ml;
    const HandoutText text = handout_text(content, config.config.contacts, options);
    const auto implant = step_picture(*renderer, content, "summary", cmd, options.tip);
    const auto pump = step_picture(*renderer, content, "get-help", cmd, options.tip);
    for (const auto& w : renderer->session().warnings) std::cerr << "thecaview: warning: " << w << "\n";
    int pages = 0;
    const bool written = write_atomically(
        cmd.out, [&](const std::filesystem::path& temporary) { return write_pdf(temporary, text, implant, pump, pages); }, error);
    if (!written) {
        std::cerr << "thecaview handout: cannot write " << cmd.out << (error.empty() ? "" : ": " + error) << "\n";
        return 1;
    }
    std::cout << "wrote " << cmd.out << " (" << pages << " pages, " << content.language << ")\n";
    return 0;
}

}  // namespace thecaview
