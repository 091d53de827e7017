// Fuzz target: the content parser (one language's steps.json). Any bytes give content with errors
// naming what is wrong; nothing crashes, hangs or reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::string> views{"overview", "back", "side", "pump", "tip", "spread", "cross_section"};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const thecaview::ContentLoad load = thecaview::parse_procedure(text, "fuzz/steps.json", views);
    for (const auto& e : load.errors) (void)e.to_string();
    for (const auto& step : load.content.steps) (void)step.text(thecaview::Audience::patient).caption.size();
    (void)load.content.format("step_of", {{"n", "1"}, {"total", "2"}});
    return 0;
}
