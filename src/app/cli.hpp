// The command line: `thecaview` (the viewer) and `thecaview render ...`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/offscreen.hpp"
#include "core/config.hpp"
#include "core/image_size.hpp"

namespace thecaview {

struct RenderCommand {
    std::string out;
    std::string coverage;  // empty: not written
    std::string config;    // the care team's names and numbers come from here; empty: none shown
    RenderRequest request;
};

// `thecaview simulate`: drug spread along the spine over time, as JSON or CSV.
struct SimulateCommand {
    std::string drug;
    std::string program_file;              // empty: a continuous --rate
    std::optional<double> rate_ml_per_day;
    std::optional<double> concentration_mg_per_ml;  // default: the drug's usual concentration
    Level tip = Level::T10;
    double hours = 24.0;
    std::optional<double> bolus_mg;
    std::optional<double> bolus_minutes;
    bool bolus_by_syringe = false;          // a trial injection, not the pump
    double sample_minutes = 60.0;
    std::optional<double> csf_half_life_h;  // replaces the drug's (a tracer, a what-if)
    std::string out;                        // .json or .csv; empty: JSON on standard output
};

// `thecaview lint-content`: checks content files and grades patient text.
struct LintCommand {
    std::string dir;  // empty: the shipped content
    bool json = false;
};

// `thecaview` with no command: the viewer, in the config's mode unless the command line names one.
// Each option here overrides the config's setting of the same name.
struct ViewerCommand {
    std::string config;  // --config FILE; empty: the usual search
    int frames = 0;      // --frames N: stop after N frames (smoke tests); 0: run until closed
    std::optional<Mode> mode;
    std::optional<std::string> language;
    std::optional<int> monitor;
    std::optional<double> font_scale;
    std::optional<double> idle_timeout_s;
    std::optional<int> samples;
    bool high_contrast = false;
    bool reduced_motion = false;
    bool windowed = false;           // kiosk or signage in a window rather than full screen (a preview)
    std::optional<ImageSize> size;   // the window's size
};

// `thecaview handout`: the take-home handout as a PDF (2-4 pages), with no doses.
struct HandoutCommand {
    std::string out;
    std::string language = "en";
    std::string level = "patient";
    std::string tip = "T10";
    int pump_ml = 20;
    std::string drug;    // a drug key; empty: none named
    std::string config;  // the care team's names and numbers come from here; empty: the usual search
};

enum class CommandKind { viewer, render, simulate, lint, handout, exit };

struct Command {
    CommandKind kind = CommandKind::viewer;
    int exit_code = 0;  // for CommandKind::exit: 0 after --help/--version, 2 after a usage error
    RenderCommand render;
    SimulateCommand simulate;
    LintCommand lint;
    HandoutCommand handout;
    ViewerCommand viewer;
};

// Parses argv. Help, version and usage errors are printed here; they come back as `exit`.
Command parse_command_line(int argc, const char* const* argv);

}  // namespace thecaview
