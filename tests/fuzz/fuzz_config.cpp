// Fuzz target: the config parser. Any bytes give a config (defaults where fields are bad) and
// errors that name a field; nothing crashes, hangs or reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const thecaview::ConfigLoad load = thecaview::parse_config(text, "fuzz.json");
    for (const auto& e : load.errors) (void)e.to_string();
    const auto& c = load.config;
    if (c.idle_timeout_s < 10.0 || c.idle_timeout_s > 3600.0 || c.samples < 1 || c.samples > 64) __builtin_trap();
    if (!c.pin.empty() && (c.pin.size() < 4 || c.pin.size() > 8)) __builtin_trap();
    return 0;
}
