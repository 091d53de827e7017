// A program run from an argument list with posix_spawnp: never through a shell, so nothing in the
// list (spaces, quotes, `;`, `$(...)`) is read as a command. Polled without blocking, so the UI
// keeps drawing while it runs; one still running when this is destroyed is stopped and reaped.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace thecaview {

class ChildProcess {
public:
    // Starts argv[0] (looked up in PATH when it has no slash) with the rest as its arguments.
    // nullptr with `error` naming the program when it cannot be started.
    static std::unique_ptr<ChildProcess> start(const std::vector<std::string>& argv, std::string& error);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Its exit status once it has ended (128 + the signal when a signal ended it); nullopt while it runs.
    std::optional<int> poll();
    // Waits for it to end; its exit status.
    int wait();

private:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    pid_t pid_;
    std::optional<int> status_;
};

}  // namespace thecaview
