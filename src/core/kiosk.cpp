// The kiosk's walk-up cycle and the operator's PIN pad.
#include "core/kiosk.hpp"

#include <algorithm>

namespace thecaview {

bool KioskCycle::tick(double dt_s, bool input, bool playing) {
    if (input) {
        idle_s_ = 0.0;
        return false;
    }
    if (playing && !start_screen_) return false;  // watched, not idle
    idle_s_ += std::max(dt_s, 0.0);
    if (start_screen_ || idle_s_ < idle_timeout_s_) return false;
    start_screen_ = true;
    idle_s_ = 0.0;
    return true;
}

void KioskCycle::start_visit() {
    start_screen_ = false;
    idle_s_ = 0.0;
}

double KioskCycle::seconds_left() const { return std::max(idle_timeout_s_ - idle_s_, 0.0); }

void PinPad::open() {
    if (!enabled()) return;
    open_ = true;
    typed_.clear();
    untouched_s_ = 0.0;
}

void PinPad::close() {
    open_ = false;
    typed_.clear();
}

void PinPad::type(char digit) {
    if (!open_ || locked() || digit < '0' || digit > '9' || typed_.size() >= 8) return;
    typed_.push_back(digit);
}

void PinPad::erase() {
    if (!typed_.empty()) typed_.pop_back();
}

PinPad::Result PinPad::submit() {
    if (!open_) return Result::typing;
    if (locked()) return Result::locked;
    const bool right = typed_ == pin_;
    typed_.clear();
    if (right) {
        open_ = false;
        tries_left_ = kMaxTries;
        return Result::accepted;
    }
    if (--tries_left_ > 0) return Result::wrong;
    locked_s_ = kLockoutS;
    tries_left_ = kMaxTries;
    return Result::locked;
}

void PinPad::tick(double dt_s, bool input) {
    locked_s_ = std::max(locked_s_ - std::max(dt_s, 0.0), 0.0);
    if (!open_) return;
    untouched_s_ = input ? 0.0 : untouched_s_ + std::max(dt_s, 0.0);
    if (untouched_s_ >= kCloseAfterS) close();
}

}  // namespace thecaview
