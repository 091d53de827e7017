// Kiosk logic with no window: the walk-up cycle (start screen, a visit, idle reset) and the
// operator's PIN pad. The app feeds them time and input; they say what to do.
#pragma once

#include <string>

namespace thecaview {

// Start screen (attract loop behind it) -> a touch starts a visit -> no input for the idle
// timeout -> back to the start screen, every choice forgotten.
class KioskCycle {
public:
    explicit KioskCycle(double idle_timeout_s) : idle_timeout_s_(idle_timeout_s) {}

    // Moves time on by dt; `input` says a person touched, clicked, typed or moved the pointer, and
    // `playing` that the visit shows something by itself (autoplay through the tour, the drug's days,
    // a camera flight, a question waiting): a visitor watching is not idle, so that time does not
    // count. Returns true once, when a visit times out: the caller then forgets the visitor's choices.
    bool tick(double dt_s, bool input, bool playing = false);
    void start_visit();
    [[nodiscard]] bool on_start_screen() const { return start_screen_; }
    [[nodiscard]] double idle_s() const { return idle_s_; }
    // Seconds left before the visit times out (the idle timeout while on the start screen).
    [[nodiscard]] double seconds_left() const;

private:
    double idle_timeout_s_;
    double idle_s_ = 0.0;
    bool start_screen_ = true;
};

// The operator's exit: a key chord opens a pad, the right PIN (4 to 8 digits) exits.
// Three wrong PINs lock the pad for a minute; an untouched pad closes by itself.
class PinPad {
public:
    static constexpr int kMaxTries = 3;
    static constexpr double kLockoutS = 60.0;
    static constexpr double kCloseAfterS = 20.0;

    explicit PinPad(std::string pin) : pin_(std::move(pin)) {}

    enum class Result { typing, accepted, wrong, locked };

    // Operator exit is off without a PIN: the chord does nothing.
    [[nodiscard]] bool enabled() const { return !pin_.empty(); }
    void open();  // the chord was pressed
    void close();
    [[nodiscard]] bool is_open() const { return open_; }
    void type(char digit);  // ignores anything but 0-9 and digits past 8
    void erase();           // the last digit
    Result submit();
    void tick(double dt_s, bool input);
    [[nodiscard]] std::size_t typed_digits() const { return typed_.size(); }
    [[nodiscard]] int tries_left() const { return tries_left_; }
    [[nodiscard]] bool locked() const { return locked_s_ > 0.0; }
    [[nodiscard]] double locked_s() const { return locked_s_; }

private:
    std::string pin_;
    std::string typed_;
    bool open_ = false;
    int tries_left_ = kMaxTries;
    double locked_s_ = 0.0;
    double untouched_s_ = 0.0;
};

}  // namespace thecaview
