// CLI11 set-up; every usage error exits with status 2 and a one-line reason.
#include "app/cli.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "core/anatomy.hpp"
#include "core/views.hpp"

namespace thecaview {

namespace {
std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<std::string> structure_keys() {
    std::vector<std::string> keys;
    for (const auto& s : structures()) keys.emplace_back(s.key);
    return keys;
}

// A CLI11 check for a level name, optionally within [first, last].
CLI::Validator level_check(Level first, Level last) {
    const std::string range = name_of(first) + " to " + name_of(last);
    return CLI::Validator(
        [first, last, range](std::string& text) -> std::string {
            const auto level = parse_level(text);
            if (!level) return "'" + text + "' is not a level (C1-C7, T1-T12, L1-L5, S1-S5, Co)";
            if (index_of(*level) < index_of(first) || index_of(*level) > index_of(last)) {
                return "level " + name_of(*level) + " is outside " + range;
            }
            return {};
        },
        "LEVEL (" + range + ")");
}

// Comma-separated structure keys into a mask; the error names the first unknown key.
std::optional<StructureMask> parse_structure_list(const std::string& text, std::string& error) {
    StructureMask mask = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string key = text.substr(start, comma - start);
        const auto s = structure_from_key(key);
        if (!s) {
            error = "unknown structure '" + key + "'; known: " + join(structure_keys());
            return std::nullopt;
        }
        mask |= bit(*s);
        start = comma + 1;
    }
    return mask;
}

// A finite number within [lo, hi]: CLI11's own checks let "nan" through (every comparison with it
// is false), so each number option reads its text here. Below a lower bound of 0, "-0" counts as
// negative (it would be kept and shown as a negative amount).
CLI::Validator number_check(double lo, double hi, const std::string& unit, bool zero_allowed = true) {
    std::ostringstream range;
    range << (zero_allowed ? "from " : "above ") << lo << " to " << hi << " " << unit;
    return CLI::Validator(
        [lo, hi, zero_allowed, range = range.str()](std::string& text) -> std::string {
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size()) return "'" + text + "' is not a number";
            if (!std::isfinite(v)) return "'" + text + "' is not a finite number (expected " + range + ")";
            if (lo >= 0.0 && std::signbit(v)) return "'" + text + "' is negative (expected " + range + ")";
            if (v < lo || v > hi || (!zero_allowed && v == lo)) {
                return "'" + text + "' is outside the range (expected " + range + ")";
            }
            return {};
        },
        "NUMBER (" + range.str() + ")");
}

CLI::Validator size_check() {
    return CLI::Validator(
        [](std::string& s) {
            return parse_image_size(s) ? std::string()
                                       : "expected WxH with each side 1 to " + std::to_string(kMaxImageSide) + ", got '" + s + "'";
        },
        "WxH");
}

CLI::Validator structure_list_check() {
    return CLI::Validator(
        [](std::string& text) {
            std::string error;
            return parse_structure_list(text, error) ? std::string() : error;
        },
        "STRUCT,...");
}
}  // namespace

Command parse_command_line(int argc, const char* const* argv) {
    Command cmd;
    CLI::App app{"Thecaview: an educational 3D view of implanted intrathecal pain pumps.\n"
                 "For education only; it gives no medical advice.", "thecaview"};
    app.set_version_flag("--version", std::string("thecaview ") + THECAVIEW_VERSION);

    ViewerCommand& v = cmd.viewer;
    app.add_option("--config", v.config, "Config file (JSON, comments allowed); default: the user's, then the system's");
    app.add_option("--frames", v.frames, "Stop the viewer after N frames (for smoke tests)")->check(CLI::Range(1, 100000000));
    auto* kiosk = app.add_flag_callback("--kiosk", [&v] { v.mode = Mode::kiosk; },
                                        "Kiosk mode: full screen, start screen, idle reset, operator exit with a PIN");
    auto* signage = app.add_flag_callback("--signage", [&v] { v.mode = Mode::signage; },
                                          "Waiting-room mode: the tour in a loop with large captions, no input needed");
    auto* classroom = app.add_flag_callback("--classroom", [&v] { v.mode = Mode::classroom; },
                                            "Classroom mode (the default): every tool, student level");
    kiosk->excludes(signage)->excludes(classroom);
    signage->excludes(classroom);
    app.add_option("--language", v.language, "Language of the content (en, es)");
    app.add_option("--monitor", v.monitor, "Monitor for full screen, by index (0: the primary)")->check(CLI::Range(0, 16));
    app.add_option("--font-scale", v.font_scale, "Text size, 0.75 to 3")->check(number_check(0.75, 3.0, "times"));
    app.add_option("--idle-timeout", v.idle_timeout_s, "Kiosk: seconds without a touch before it starts over")
        ->check(number_check(10.0, 3600.0, "s"));
    app.add_option("--samples", v.samples, "Samples per pixel a still view gathers (1 to 64)")->check(CLI::Range(1, 64));
    app.add_flag("--high-contrast", v.high_contrast, "White on black with yellow controls");
    app.add_flag("--reduced-motion", v.reduced_motion, "No camera flights or sway: views are jumped to");
    app.add_flag("--windowed", v.windowed, "Kiosk or signage in a window instead of full screen (to preview them)");
    std::string window_size;
    app.add_option("--window-size", window_size, "The window's size, WIDTHxHEIGHT")->check(size_check());
    const std::vector<std::string> views = view_names(built_in_view_specs());

    auto* render = app.add_subcommand("render", "Render one frame off-screen into a PNG file");
    RenderRequest& request = cmd.render.request;
    render->add_option("--out", cmd.render.out, "PNG file to write (overwritten)")->required();
    std::string size_text = "1280x720";
    render->add_option("--size", size_text, "Image size as WxH")
        ->check(size_check())
        ->capture_default_str();
    render->add_option("--view", request.view, "Named view: " + join(views))
        ->check(CLI::IsMember(views))
        ->capture_default_str();
    render->add_flag("--ui", request.ui, "Draw the side panel into the image");
    render->add_flag("--levels", request.level_markers, "Label each vertebra (C1 ... Co) with a leader line");
    render->add_flag("--labels", request.structure_labels, "Name the structures in the picture with leader lines");
    int step = 0;
    std::string level = "patient";
    render->add_option("--step", step, "Render procedure step N (1-based) at the end of its animation, from its view")
        ->check(CLI::Range(1, 99));
    render->add_option("--lang", request.language, "Language of the text (ISO 639-1: en, es)")->capture_default_str();
    render->add_option("--level", level, "Audience level of the text: patient or student")
        ->check(CLI::IsMember({"patient", "student"}))
        ->capture_default_str();
    std::string render_drug;
    DrugViewState drug_view;
    render->add_option("--drug", render_drug, "Show this drug spreading in the spinal fluid (e.g. morphine)");
    render->add_option("--drug-rate", drug_view.rate_ml_per_day, "Pump rate for --drug, mL/day (an illustration, not a recommendation)")
        ->check(number_check(0.0, 24.0, "mL/day"))
        ->capture_default_str();
    render->add_flag("--relief", drug_view.relief, "With --drug: shade the skin where relief may be felt");
    render->add_option("--drug-hours", drug_view.time_h, "The moment shown, in hours after the pump starts (0 to 720)")
        ->check(number_check(0.0, 720.0, "h"))
        ->capture_default_str();
    std::string cut_level, tip, entry, xray, hide, body;
    render->add_option("--body", body, "The figure's body: female or male (default male)")
        ->check(CLI::Validator(
            [](std::string& s) { return parse_body_type(s) ? std::string() : "'" + s + "' is not a body (female or male)"; },
            "female|male"));
    render->add_option("--cut-level", cut_level, "Cut the body across at this level and remove what is above")
        ->check(level_check(Level::C1, Level::Co));
    render->add_option("--xray", xray, "Draw these structures see-through: " + join(structure_keys()))
        ->check(structure_list_check());
    render->add_option("--hide", hide, "Hide these structures")->check(structure_list_check());
    render->add_option("--tip", tip, "Catheter tip level (default T10)")->check(level_check(Level::C5, Level::L2));
    render->add_option("--entry", entry, "Lumbar interspace the needle enters: L2-L3, L3-L4 or L4-L5 (default L3-L4)")
        ->check(CLI::Validator(
            [](std::string& s) {
                return parse_needle_entry(s) ? std::string() : "'" + s + "' is not a needle entry (L2-L3, L3-L4 or L4-L5)";
            },
            "L2-L3|L3-L4|L4-L5"));
    render->add_option("--pump", request.anatomy.pump_reservoir_ml, "Pump reservoir in mL: 20 or 40")
        ->check(CLI::IsMember({20, 40}))
        ->capture_default_str();
    render->add_option("--skin-tone", request.skin_tone, "Skin colour, 1 (light) to 6 (dark)")
        ->check(CLI::Range(1, kSkinTones))
        ->capture_default_str();
    render->add_option("--samples", request.samples, "Samples per pixel to accumulate (anti-aliasing)")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    render->add_option("--coverage", cmd.render.coverage, "Also write per-structure coverage as JSON");
    render->add_option("--quiz", request.quiz, "Show this teach-back question (its id in the content) on its step");
    render->add_option("--answer", request.quiz_answer, "With --quiz: the answer given (0-based), to show its feedback")
        ->check(CLI::Range(0, 9));
    render->add_option("--config", cmd.render.config,
                       "Config file whose care team names and numbers the help step shows (default: none shown)");

    SimulateCommand& sim = cmd.simulate;
    auto* simulate = app.add_subcommand(
        "simulate", "Simulate how a drug spreads in the spinal fluid over time (for education; no dosing advice)");
    simulate->add_option("--drug", sim.drug, "Drug name, any case (morphine, hydromorphone, fentanyl, ...)")->required();
    auto* program = simulate->add_option("--program", sim.program_file, "Pump program (JSON; schema in docs/pump-programs.md)");
    auto* rate = simulate->add_option("--rate", sim.rate_ml_per_day, "Continuous rate in mL/day (0 stops the pump)")
                     ->check(number_check(0.0, 1e6, "mL/day"));
    program->excludes(rate);
    rate->excludes(program);
    simulate->add_option("--concentration", sim.concentration_mg_per_ml,
                         "Drug concentration in mg/mL (default: the drug's usual, for illustration only)")
        ->check(number_check(0.0, 1e6, "mg/mL", false));
    std::string sim_tip = "T10";
    simulate->add_option("--tip", sim_tip, "Catheter tip level")->check(level_check(Level::C5, Level::L2))->capture_default_str();
    simulate->add_option("--hours", sim.hours, "Hours to simulate")->check(number_check(0.01, 24.0 * 365.0, "h"))->capture_default_str();
    auto* bolus_mg = simulate->add_option("--bolus-mg", sim.bolus_mg, "A single bolus at the start, in mg")
                         ->check(number_check(0.0, 1e6, "mg", false));
    auto* bolus_min = simulate->add_option("--bolus-minutes", sim.bolus_minutes, "Minutes the bolus is given over")
                          ->check(number_check(0.0, 24.0 * 60.0, "minutes", false));
    bolus_mg->needs(bolus_min);
    bolus_min->needs(bolus_mg);
    simulate->add_option("--sample-minutes", sim.sample_minutes, "Minutes between the samples written")
        ->check(number_check(1.0, 24.0 * 60.0, "minutes"))
        ->capture_default_str();
    simulate->add_option("--csf-half-life", sim.csf_half_life_h,
                         "Replace the drug's half-life in lumbar CSF, in hours (a tracer, or a what-if)")
        ->check(number_check(0.01, 100.0, "h"));
    simulate->add_flag("--bolus-by-syringe", sim.bolus_by_syringe,
                       "The bolus is injected by syringe (a trial injection), not by the pump: no pump flow limit")
        ->needs(bolus_mg);
    simulate->add_option("--out", sim.out, "Write FILE.json or FILE.csv (default: JSON on standard output)")
        ->check(CLI::Validator(
            [](std::string& s) {
                const bool ok = s.size() > 5 && (s.ends_with(".json") || s.ends_with(".csv"));
                return ok ? std::string() : "expected a file name ending in .json or .csv, got '" + s + "'";
            },
            "FILE.json|FILE.csv"));

    HandoutCommand& ho = cmd.handout;
    auto* handout = app.add_subcommand("handout", "Write the take-home handout as a PDF (2-4 pages; no doses)");
    handout->add_option("--out", ho.out, "PDF file to write (overwritten)")->required();
    handout->add_option("--lang", ho.language, "Language (ISO 639-1: en, es)")->capture_default_str();
    handout->add_option("--level", ho.level, "Audience level: patient or student")
        ->check(CLI::IsMember({"patient", "student"}))
        ->capture_default_str();
    handout->add_option("--tip", ho.tip, "Catheter tip level shown in the pictures")
        ->check(level_check(Level::C5, Level::L2))
        ->capture_default_str();
    handout->add_option("--pump", ho.pump_ml, "Pump reservoir in mL: 20 or 40")->check(CLI::IsMember({20, 40}))->capture_default_str();
    handout->add_option("--drug", ho.drug, "Name this medicine (e.g. morphine); never an amount");
    handout->add_option("--config", ho.config, "Config file with the care team's names and numbers (default: the usual search)");

    auto* lint = app.add_subcommand("lint-content", "Check content files and grade patient text (exit 1 on a problem)");
    lint->add_option("DIR", cmd.lint.dir, "Content folder, one subfolder per language (default: the shipped content)");
    lint->add_flag("--json", cmd.lint.json, "Print {\"texts\": [...], \"errors\": [...]} as JSON");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::CallForAllHelp& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::CallForVersion& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::ParseError& e) {
        std::cerr << (render->parsed() ? render->help() : simulate->parsed() ? simulate->help()
                      : handout->parsed() ? handout->help() : app.help())
                  << "\nthecaview: " << e.what() << "\n";
        cmd.kind = CommandKind::exit;
        cmd.exit_code = 2;
        return cmd;
    }
    if (!window_size.empty()) v.size = parse_image_size(window_size);
    if (lint->parsed()) cmd.kind = CommandKind::lint;
    if (handout->parsed()) cmd.kind = CommandKind::handout;
    if (simulate->parsed()) {
        cmd.kind = CommandKind::simulate;
        sim.tip = *parse_level(sim_tip);
        if (sim.program_file.empty() && !sim.rate_ml_per_day) {
            std::cerr << simulate->help() << "\nthecaview: simulate needs --program FILE.json or --rate ML_PER_DAY\n";
            cmd.kind = CommandKind::exit;
            cmd.exit_code = 2;
        }
    }
    if (render->parsed()) {
        cmd.kind = CommandKind::render;
        request.size = *parse_image_size(size_text);
        std::string ignored;
        if (!cut_level.empty()) {
            request.cut.kind = CutKind::axial;
            request.cut.level_index = static_cast<float>(index_of(*parse_level(cut_level)));
        }
        if (!tip.empty()) request.anatomy.catheter_tip = *parse_level(tip);
        if (!entry.empty()) request.anatomy.catheter_entry = *parse_needle_entry(entry);
        if (!body.empty()) request.anatomy.body = *parse_body_type(body);
        if (!xray.empty()) request.xray_mask = *parse_structure_list(xray, ignored);
        if (!hide.empty()) request.hide_mask = *parse_structure_list(hide, ignored);
        if (step > 0) request.step = step - 1;
        request.audience = level == "student" ? Audience::student : Audience::patient;
        // Writing the coverage over the picture (or the picture over it) would lose one of them.
        std::error_code ec_out, ec_cov;
        if (!cmd.render.coverage.empty() &&
            std::filesystem::weakly_canonical(cmd.render.out, ec_out) == std::filesystem::weakly_canonical(cmd.render.coverage, ec_cov)) {
            std::cerr << render->help() << "\nthecaview: --out and --coverage name the same file ("
                      << cmd.render.coverage << ")\n";
            cmd.kind = CommandKind::exit;
            cmd.exit_code = 2;
            return cmd;
        }
        if (!render_drug.empty()) {
            drug_view.drug = render_drug;
            request.drug = drug_view;
        }
    }
    return cmd;
}

}  // namespace thecaview
