// Vertebral levels C1 ... Co: names, parsing (case-insensitive) and interspaces such as L3-L4.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thecaview {

// The levels from the skull down, in order: C1-C7, T1-T12, L1-L5, S1-S5, Co.
enum class Level : std::uint8_t {
    C1, C2, C3, C4, C5, C6, C7,
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12,
    L1, L2, L3, L4, L5,
    S1, S2, S3, S4, S5,
    Co,
};

inline constexpr int kLevelCount = 30;
// The mobile (presacral) vertebrae, C1 to L5, each modelled as its own bone.
inline constexpr int kMobileVertebraCount = 24;

enum class Region : std::uint8_t { cervical, thoracic, lumbar, sacral, coccygeal };

constexpr int index_of(Level l) { return static_cast<int>(l); }
constexpr Level level_at(int index) { return static_cast<Level>(index); }

Region region_of(Level l);
// The part of the back a patient would name for a level, as a content UI key: "region_neck"
// (cervical), "region_upper_back" (thoracic) or "region_lower_back" (lumbar, sacrum, coccyx).
std::string_view back_region_key(Level l);
// Upper-case name: "C1", "T10", "S2", "Co".
std::string name_of(Level l);
// Accepts any case ("t10", "CO"); nullopt when the text names no level.
std::optional<Level> parse_level(std::string_view text);

// The space between two adjacent levels, named by its upper level: L3-L4 has upper L3.
struct Interspace {
    Level upper;
    [[nodiscard]] Level lower() const { return level_at(index_of(upper) + 1); }
    [[nodiscard]] std::string name() const;  // "L3-L4"
    bool operator==(const Interspace&) const = default;
};

// Accepts "L3-L4" in any case; the two levels must be adjacent.
std::optional<Interspace> parse_interspace(std::string_view text);

}  // namespace thecaview
