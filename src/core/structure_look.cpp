// The table behind look(): every structure's material, see-through rule and nesting layer.
#include "core/structure_look.hpp"

#include <array>
#include <cassert>

namespace thecaview {

namespace {
// Albedos as the tracer had them; opacities face-on and grazing; layers from the skin inwards.
const std::array<StructureLook, kStructureCount> kLooks{{
    {{{0.98f, 0.78f, 0.66f}, 0.55f, 0.0f}, true, 0.08f, 0.55f, 0},   // skin
    {{{1.00f, 0.86f, 0.45f}, 0.45f, 0.0f}, true, 0.06f, 0.45f, 1},   // fat
    {{{0.62f, 0.20f, 0.18f}, 0.55f, 0.0f}, false, 0.07f, 0.40f, 2},  // muscle: x-rayed, a hint of the wall
    {{{0.92f, 0.88f, 0.78f}, 0.70f, 0.0f}, false, 0.16f, 0.70f, 3},  // ribs
    {{{0.90f, 0.85f, 0.74f}, 0.70f, 0.0f}, false, 0.16f, 0.70f, 3},  // pelvis
    {{{0.90f, 0.86f, 0.76f}, 0.70f, 0.0f}, false, 0.16f, 0.70f, 3},  // vertebrae
    {{{0.86f, 0.80f, 0.70f}, 0.70f, 0.0f}, false, 0.16f, 0.70f, 3},  // sacrum
    {{{0.55f, 0.72f, 0.80f}, 0.40f, 0.0f}, false, 0.16f, 0.70f, 3},  // discs
    {{{0.95f, 0.80f, 0.25f}, 0.45f, 0.0f}, false, 0.16f, 0.70f, 4},  // ligamentum flavum
    {{{1.00f, 0.90f, 0.55f}, 0.50f, 0.0f}, true, 0.12f, 0.55f, 5},   // epidural space
    {{{0.90f, 0.92f, 0.95f}, 0.35f, 0.0f}, true, 0.12f, 0.55f, 6},   // dura
    {{{0.35f, 0.65f, 1.00f}, 0.10f, 0.0f}, true, 0.22f, 0.70f, 7},   // csf
    {{{0.96f, 0.84f, 0.58f}, 0.50f, 0.0f}, false, 0.16f, 0.70f, 8},  // spinal cord
    {{{1.00f, 0.93f, 0.62f}, 0.50f, 0.0f}, false, 0.16f, 0.70f, 8},  // nerve roots
    {{{0.93f, 0.94f, 0.98f}, 0.30f, 0.0f}, false, 0.16f, 0.70f, 9},  // catheter (silicone)
    {{{0.76f, 0.74f, 0.72f}, 0.28f, 1.0f}, false, 0.16f, 0.70f, 3},  // pump (titanium)
}};
}  // namespace

const StructureLook& look(Structure s) {
    const auto index = static_cast<std::size_t>(s) - 1;
    assert(index < kLooks.size());
    return kLooks[index];
}

}  // namespace thecaview
