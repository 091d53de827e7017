// posix_spawnp with an argument vector, and waitpid without and with blocking.
#include "core/child_process.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace thecaview {

namespace {
int exit_status(int raw) {
    if (WIFEXITED(raw)) return WEXITSTATUS(raw);
    if (WIFSIGNALED(raw)) return 128 + WTERMSIG(raw);
    return 1;
}
}  // namespace

std::unique_ptr<ChildProcess> ChildProcess::start(const std::vector<std::string>& argv, std::string& error) {
    if (argv.empty() || argv.front().empty()) {
        error = "no program to run";
        return nullptr;
    }
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
    if (rc != 0) {
        error = "cannot start " + argv.front() + ": " + std::strerror(rc);
        return nullptr;
    }
    return std::unique_ptr<ChildProcess>(new ChildProcess(pid));
}

ChildProcess::~ChildProcess() {
    if (status_) return;
    if (!poll()) {
        kill(pid_, SIGTERM);
        wait();
    }
}

std::optional<int> ChildProcess::poll() {
    if (status_) return status_;
    int raw = 0;
    const pid_t r = waitpid(pid_, &raw, WNOHANG);
    if (r == pid_) status_ = exit_status(raw);
    else if (r < 0 && errno != EINTR) status_ = 127;  // not ours any more: nothing to wait for
    return status_;
}

int ChildProcess::wait() {
    while (!status_) {
        int raw = 0;
        const pid_t r = waitpid(pid_, &raw, 0);
        if (r == pid_) status_ = exit_status(raw);
        else if (r < 0 && errno != EINTR) status_ = 127;
    }
    return *status_;
}

}  // namespace thecaview
