// The command line: `thecaview` (the viewer) and `thecaview render ...`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/offscreen.hpp"
#include "core/image_size.hpp"

namespace thecaview {

struct RenderCommand {
    std::string out;
    std::string coverage;  // empty: not written
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
    std::string out;                        // .json or .csv; empty: JSON on standard output
};

// `thecaview lint-content`: checks content files and grades patient text.
struct LintCommand {
    std::string dir;  // empty: the shipped content
    bool json = false;
};

enum class CommandKind { viewer, render, simulate, lint, exit };

struct Command {
    CommandKind kind = CommandKind::viewer;
    int exit_code = 0;  // for CommandKind::exit: 0 after --help/--version, 2 after a usage error
    RenderCommand render;
    SimulateCommand simulate;
    LintCommand lint;
    std::string config;  // --config FILE for the viewer; empty: the usual search
    int frames = 0;      // --frames N: the viewer stops after N frames (smoke tests); 0: runs until closed
};

// Parses argv. Help, version and usage errors are printed here; they come back as `exit`.
Command parse_command_line(int argc, const char* const* argv);

}  // namespace thecaview
