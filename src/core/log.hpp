// The app's log: every line to standard error and, when a file is given, to a log file that never
// grows past a size (the older half is kept as FILE.1). A line repeated at once is counted, not
// written again, so a fault that recurs every frame cannot fill a disk over weeks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iosfwd>
#include <string>
#include <string_view>

namespace thecaview {

class BoundedLog {
public:
    static constexpr std::uintmax_t kDefaultMaxBytes = 1024 * 1024;

    // file empty: standard error (or `echo`) only. echo null: the file only.
    explicit BoundedLog(std::filesystem::path file = {}, std::uintmax_t max_bytes = kDefaultMaxBytes,
                        std::ostream* echo = nullptr);
    ~BoundedLog();
    BoundedLog(const BoundedLog&) = delete;
    BoundedLog& operator=(const BoundedLog&) = delete;

    void info(std::string_view message) { write("", message); }
    void warn(std::string_view message) { write("warning: ", message); }
    void error(std::string_view message) { write("error: ", message); }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

private:
    void write(std::string_view kind, std::string_view message);
    void emit(const std::string& line);
    void flush_repeats();

    std::filesystem::path file_;
    std::uintmax_t max_bytes_;
    std::ostream* echo_;
    std::ofstream out_;
    std::uintmax_t size_ = 0;
    std::string last_;
    long repeats_ = 0;
};

}  // namespace thecaview
