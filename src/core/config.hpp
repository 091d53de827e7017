// The one JSON config (comments allowed): mode, language, idle timeout, operator PIN, monitor,
// opening hours, font scale, theme, reduced motion, samples, the care team's names and numbers,
// the kiosk's printer command. Looked for in --config, then the user's
// config folder (XDG), then the system-wide one; built-in defaults otherwise. A bad field is
// reported with file, line, field and value and keeps its default. The app never writes it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/body_type.hpp"
#include "core/error.hpp"
#include "core/skin_tone.hpp"

namespace thecaview {

enum class Mode { classroom, kiosk, signage };
enum class Theme { dark, high_contrast };

struct OpeningHours {
    int open_minute = 0;    // minutes after midnight
    int close_minute = 0;
    // Whether a time of day (minutes after midnight) falls in the hours; closing may pass midnight.
    [[nodiscard]] bool open_at(int minute_of_day) const;
};

// The clinic's names and numbers, shown on the "when to get help" screen and the handout. Each is
// shown only when set: the app never invents one.
struct CareContacts {
    std::string care_team_name;
    std::string care_team_phone;
    std::string after_hours_phone;
    std::string emergency_phone;  // empty: "your local emergency number"
};

struct Config {
    Mode mode = Mode::classroom;
    std::string language = "en";
    double idle_timeout_s = 90.0;
    std::string pin;               // empty: operator exit is off
    bool pin_malformed = false;    // a PIN was given but is not 4 to 8 digits
    int monitor = 0;
    std::optional<OpeningHours> opening_hours;
    double font_scale = 1.0;
    Theme theme = Theme::dark;
    bool reduced_motion = false;
    int samples = 5;  // samples per pixel a still view gathers: the centre and a rotated grid of four
    int skin_tone = kDefaultSkinTone;  // the figure's skin colour, 1 (light) to 6 (dark)
    BodyType body = kDefaultBody;      // the figure's body, female or male
    CareContacts contacts;
    // The kiosk's printer: a program and its arguments (e.g. ["lp", "-d", "waiting-room"]), run
    // with the handout's PDF as its last argument, never through a shell. Empty: no printing.
    std::vector<std::string> printer_command;
};

struct ConfigLoad {
    Config config;
    InputErrors errors;
    std::string source;  // the file used, or "<built-in defaults>"
};

ConfigLoad parse_config(std::string_view text, const std::string& source);

// Where the config is looked for, in order: the explicit file, $XDG_CONFIG_HOME/thecaview/config.json
// (else ~/.config/thecaview/config.json), /etc/thecaview/config.json.
std::vector<std::filesystem::path> config_search_path(const std::optional<std::filesystem::path>& explicit_file);
ConfigLoad load_config(const std::optional<std::filesystem::path>& explicit_file);

std::string_view mode_name(Mode m);

}  // namespace thecaview
