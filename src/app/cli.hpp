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

enum class CommandKind { viewer, render, exit };

struct Command {
    CommandKind kind = CommandKind::viewer;
    int exit_code = 0;  // for CommandKind::exit: 0 after --help/--version, 2 after a usage error
    RenderCommand render;
};

// Parses argv. Help, version and usage errors are printed here; they come back as `exit`.
Command parse_command_line(int argc, const char* const* argv);

}  // namespace thecaview
