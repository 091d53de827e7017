#include "core/body_type.hpp"

#include <algorithm>
#include <cctype>

namespace thecaview {

std::string_view name_of(BodyType body) { return body == BodyType::female ? "female" : "male"; }

std::optional<BodyType> parse_body_type(std::string_view text) {
    for (const BodyType b : kBodyTypes) {
        const std::string_view name = name_of(b);
        if (std::equal(text.begin(), text.end(), name.begin(), name.end(),
                       [](char a, char c) { return std::tolower(static_cast<unsigned char>(a)) == c; })) {
            return b;
        }
    }
    return std::nullopt;
}

}  // namespace thecaview
