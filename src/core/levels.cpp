// Level names and parsing.
#include "core/levels.hpp"

#include <cctype>

namespace thecaview {

namespace {
struct RegionSpan {
    Region region;
    char letter;
    int first_index;
    int count;
};
constexpr std::array<RegionSpan, 4> kNumberedRegions{{
    {Region::cervical, 'C', 0, 7},
    {Region::thoracic, 'T', 7, 12},
    {Region::lumbar, 'L', 19, 5},
    {Region::sacral, 'S', 24, 5},
}};

std::string upper(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

Region region_of(Level l) {
    if (l == Level::Co) return Region::coccygeal;
    for (const auto& span : kNumberedRegions) {
        if (index_of(l) < span.first_index + span.count) return span.region;
    }
    return Region::coccygeal;
}

std::string_view back_region_key(Level l) {
    switch (region_of(l)) {
        case Region::cervical: return "region_neck";
        case Region::thoracic: return "region_upper_back";
        default: return "region_lower_back";
    }
}

std::string name_of(Level l) {
    if (l == Level::Co) return "Co";
    for (const auto& span : kNumberedRegions) {
        const int number = index_of(l) - span.first_index + 1;
        if (number >= 1 && number <= span.count) return std::string(1, span.letter) + std::to_string(number);
    }
    return "?";
}

std::optional<Level> parse_level(std::string_view text) {
    const std::string u = upper(text);
    if (u == "CO") return Level::Co;
    if (u.size() < 2 || u.size() > 3) return std::nullopt;
    for (const auto& span : kNumberedRegions) {
        if (u[0] != span.letter) continue;
        int number = 0;
        for (std::size_t i = 1; i < u.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(u[i]))) return std::nullopt;
            number = number * 10 + (u[i] - '0');
        }
        if (u[1] == '0' || number < 1 || number > span.count) return std::nullopt;
        return level_at(span.first_index + number - 1);
    }
    return std::nullopt;
}

std::string Interspace::name() const { return name_of(upper) + "-" + name_of(lower()); }

std::optional<Interspace> parse_interspace(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto a = parse_level(text.substr(0, dash));
    const auto b = parse_level(text.substr(dash + 1));
    if (!a || !b || index_of(*b) != index_of(*a) + 1) return std::nullopt;
    return Interspace{*a};
}

}  // namespace thecaview
