// Fuzz target: pump program files. Any bytes are parsed; a program that parses is checked against
// the drug library and the device's limits, and one that passes is forecast for 30 days. Nothing
// crashes, hangs or reads out of bounds, and a checked program never forecasts nonsense.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/drugs.hpp"
#include "core/pump.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const thecaview::DrugLibrary drugs =
        thecaview::parse_drugs(thecaview::built_in_drugs_json(), "<built-in>").value;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const thecaview::ProgramLoad load = thecaview::parse_program(text, "fuzz/program.json");
    for (const auto& e : load.errors) (void)e.to_string();
    if (!load.errors.empty()) return 0;
    const thecaview::DeviceLimits limits;
    if (!thecaview::check_program(load.program, drugs, limits, "fuzz/program.json").empty()) return 0;
    const auto forecast = thecaview::forecast_reservoir(load.program, limits, 30.0 * 24.0);
    if (!std::isfinite(forecast.empty_h) || !std::isfinite(forecast.alarm_h)) __builtin_trap();
    return 0;
}
