// The handout made, then printed, by programs run from argument lists.
#include "app/handout_job.hpp"

#include <system_error>

#include "core/handout.hpp"

namespace thecaview {

bool HandoutJob::start(std::vector<std::string> make_args, std::filesystem::path pdf, std::vector<std::string> printer,
                       std::string& error) {
    reset();
    pdf_ = std::move(pdf);
    printer_ = std::move(printer);
    std::error_code ec;
    std::filesystem::create_directories(pdf_.parent_path(), ec);
    child_ = ChildProcess::start(make_args, error);
    if (!child_) {
        fail(error);
        return false;
    }
    state_ = State::making;
    return true;
}

bool HandoutJob::poll() {
    if (!busy() || !child_) return false;
    const auto status = child_->poll();
    if (!status) return false;
    child_.reset();
    if (*status != 0) {
        fail(state_ == State::making ? "the handout could not be made (exit status " + std::to_string(*status) + ")"
                                     : printer_.front() + " did not print it (exit status " + std::to_string(*status) + ")");
        return true;
    }
    if (state_ == State::printing || printer_.empty()) {
        if (state_ == State::printing) remove_print_file();
        state_ = printer_.empty() ? State::saved : State::printed;
        return true;
    }
    std::string error;
    child_ = ChildProcess::start(print_arguments(printer_, pdf_), error);
    if (!child_) fail(error);
    else state_ = State::printing;
    return true;
}

void HandoutJob::reset() {
    child_.reset();  // stops a program still running
    if (busy()) remove_print_file();
    state_ = State::idle;
    error_.clear();
}

void HandoutJob::fail(std::string error) {
    remove_print_file();
    error_ = std::move(error);
    state_ = State::failed;
}

// Only a PDF made to print is the app's own: a saved one is the user's.
void HandoutJob::remove_print_file() {
    if (printer_.empty() || pdf_.empty()) return;
    std::error_code ec;
    std::filesystem::remove(pdf_, ec);
}

}  // namespace thecaview
