// Coverage: the fraction of an image's pixels in which each structure is visible.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "core/structures.hpp"

namespace thecaview {

// What a pixel of a frame shows: the structure seen most (0: the background), every structure that
// gives at least 5 % of its colour, and whether the background does.
struct PixelIds {
    std::uint32_t main = 0;
    StructureMask mask = 0;
    bool background = false;
    bool operator==(const PixelIds&) const = default;
};

// The fraction of the pixels, in [0, 1], in which each structure (a key per structure) and the
// background ("background") give at least 5 % of the colour.
std::map<std::string, double> coverage_from_pixels(std::span<const PixelIds> pixels);

// The coverage as a flat JSON object, keys in the structure order, then "background".
std::string coverage_json(const std::map<std::string, double>& coverage);

}  // namespace thecaview
