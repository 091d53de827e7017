// Saving (classroom) or printing (kiosk) the take-home handout while the viewer runs. The PDF is
// made by `thecaview handout` in a child process (its own off-screen renderer, so the window keeps
// drawing and a failure there cannot take the viewer down); to print, the config's printer command
// then runs with the PDF as its last argument, and the PDF, the app's own file, is removed.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/child_process.hpp"

namespace thecaview {

class HandoutJob {
public:
    enum class State { idle, making, printing, saved, printed, failed };

    // Starts making the handout with `make_args` (handout_arguments) into `pdf`; with a printer
    // command, prints it once made. False with `error` when the program cannot be started.
    bool start(std::vector<std::string> make_args, std::filesystem::path pdf, std::vector<std::string> printer,
               std::string& error);
    // Moves the job on without waiting; true when its state changed.
    bool poll();
    // Forgets the job (a kiosk visit ends): a program still running is stopped, a PDF made to print removed.
    void reset();

    [[nodiscard]] State state() const { return state_; }
    [[nodiscard]] bool busy() const { return state_ == State::making || state_ == State::printing; }
    [[nodiscard]] const std::filesystem::path& file() const { return pdf_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    void fail(std::string error);
    void remove_print_file();

    State state_ = State::idle;
    std::unique_ptr<ChildProcess> child_;
    std::filesystem::path pdf_;
    std::vector<std::string> printer_;
    std::string error_;
};

}  // namespace thecaview
