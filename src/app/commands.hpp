// The commands main() dispatches to; each returns the process exit status.
#pragma once

#include "app/cli.hpp"

namespace thecaview {

int run_viewer(const ViewerCommand& command);
int run_render(const RenderCommand& command);
int run_simulate(const SimulateCommand& command);
int run_lint_content(const LintCommand& command);
int run_handout(const HandoutCommand& command);

}  // namespace thecaview
