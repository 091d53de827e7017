// Coverage: the fraction of an image's pixels in which each structure is visible.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "core/structures.hpp"

namespace thecaview {

// visibility_masks holds one mask per pixel: bit 0 for the background, bit id for each structure
// that contributes at least 5 % of that pixel's colour. The result has a key per structure and
// "background", each a fraction of the pixels in [0, 1].
std::map<std::string, double> coverage_from_masks(std::span<const StructureMask> visibility_masks);

// The coverage as a flat JSON object, keys in the structure order, then "background".
std::string coverage_json(const std::map<std::string, double>& coverage);

}  // namespace thecaview
