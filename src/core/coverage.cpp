// Counts visibility bits per structure.
#include "core/coverage.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "core/structures.hpp"

namespace thecaview {

std::map<std::string, double> coverage_from_pixels(std::span<const PixelIds> pixels) {
    std::array<std::size_t, kStructureCount> counts{};
    std::size_t background = 0;
    for (const PixelIds& p : pixels) {
        for (std::size_t b = 0; b < counts.size(); ++b) counts[b] += (p.mask >> b) & 1u;
        background += p.background;
    }
    const double total = pixels.empty() ? 1.0 : static_cast<double>(pixels.size());
    std::map<std::string, double> out;
    out["background"] = static_cast<double>(background) / total;
    for (const auto& s : structures()) {
        out[std::string(s.key)] = static_cast<double>(counts[static_cast<std::size_t>(s.id) - 1]) / total;
    }
    return out;
}

std::string coverage_json(const std::map<std::string, double>& coverage) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& s : structures()) {
        const auto it = coverage.find(std::string(s.key));
        if (it != coverage.end()) j[std::string(s.key)] = it->second;
    }
    if (const auto it = coverage.find("background"); it != coverage.end()) j["background"] = it->second;
    return j.dump(2) + "\n";
}

}  // namespace thecaview
