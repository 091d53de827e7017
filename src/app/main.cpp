// Thecaview's entry point: parse the command line, run the command.
#include "app/cli.hpp"
#include "app/commands.hpp"

int main(int argc, char** argv) {
    const thecaview::Command cmd = thecaview::parse_command_line(argc, argv);
    switch (cmd.kind) {
        case thecaview::CommandKind::exit: return cmd.exit_code;
        case thecaview::CommandKind::render: return thecaview::run_render(cmd.render);
        case thecaview::CommandKind::simulate: return thecaview::run_simulate(cmd.simulate);
        case thecaview::CommandKind::lint: return thecaview::run_lint_content(cmd.lint);
        case thecaview::CommandKind::handout: return thecaview::run_handout(cmd.handout);
        case thecaview::CommandKind::viewer: return thecaview::run_viewer(cmd.viewer);
    }
    return 1;
}
