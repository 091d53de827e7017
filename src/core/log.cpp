// A size-bounded log file with one older generation, and repeats counted rather than written.
#include "core/log.hpp"

#include <chrono>
#include <ctime>
#include <iostream>

namespace thecaview {

namespace {
std::string timestamp() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&t, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}
}  // namespace

BoundedLog::BoundedLog(std::filesystem::path file, std::uintmax_t max_bytes, std::ostream* echo)
    : file_(std::move(file)), max_bytes_(std::max<std::uintmax_t>(max_bytes, 256)), echo_(echo) {
    if (file_.empty()) {
        if (!echo_) echo_ = &std::cerr;
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    size_ = std::filesystem::file_size(file_, ec);
    if (ec) size_ = 0;
    out_.open(file_, std::ios::app);
}

BoundedLog::~BoundedLog() { flush_repeats(); }

void BoundedLog::write(std::string_view kind, std::string_view message) {
    std::string text;  // appended, not added: GCC 12 warns falsely (-Wrestrict) on string + at -O2
    text.append(kind).append(message);
    if (text == last_) {
        ++repeats_;
        return;
    }
    flush_repeats();
    last_ = text;
    emit(text);
}

void BoundedLog::flush_repeats() {
    if (repeats_ == 0) return;
    const long n = repeats_;
    repeats_ = 0;
    std::string text("(the line above was repeated ");
    text.append(std::to_string(n)).append(" more times)");
    emit(text);
}

void BoundedLog::emit(const std::string& text) {
    if (echo_) *echo_ << "thecaview: " << text << "\n" << std::flush;
    if (!out_.is_open()) return;
    std::string line = timestamp();
    line.append(" ").append(text).append("\n");
    if (size_ + line.size() > max_bytes_) {
        out_.close();
        std::error_code ec;
        std::filesystem::rename(file_, file_.string() + ".1", ec);
        out_.open(file_, std::ios::trunc);
        size_ = 0;
    }
    out_ << line << std::flush;
    size_ += line.size();
}

}  // namespace thecaview
