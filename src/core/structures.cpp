// The table behind structures(): every name a structure has, written once.
#include "core/structures.hpp"

#include <cassert>

namespace thecaview {

namespace {
constexpr std::array<StructureInfo, kStructureCount> kStructures{{
    {Structure::skin, "skin", "Skin", "integument",
     "The outer covering of the body. The pump and catheter lie under it."},
    {Structure::vertebrae, "vertebrae", "Backbones", "vertebrae",
     "The bones of the spine. They stack up and guard the spinal cord."},
    {Structure::discs, "discs", "Discs", "intervertebral discs",
     "Soft pads between the backbones that let the spine bend."},
    {Structure::spinal_cord, "spinal_cord", "Spinal cord", "medulla spinalis",
     "The bundle of nerves that carries messages between brain and body."},
    {Structure::csf, "csf", "Spinal fluid", "cerebrospinal fluid in the intrathecal space",
     "Clear fluid around the spinal cord. The pump puts medicine into it."},
    {Structure::catheter, "catheter", "Catheter", "intrathecal catheter",
     "A thin, soft tube that carries medicine from the pump to the spine."},
    {Structure::pump, "pump", "Pump", "implanted intrathecal drug pump",
     "A round metal device under the belly skin that holds and gives the medicine."},
}};
}  // namespace

const std::array<StructureInfo, kStructureCount>& structures() { return kStructures; }

const StructureInfo& info(Structure s) {
    const auto index = static_cast<std::size_t>(s) - 1;
    assert(index < kStructures.size() && kStructures[index].id == s);
    return kStructures[index];
}

std::optional<Structure> structure_from_key(std::string_view key) {
    for (const auto& s : kStructures) {
        if (s.key == key) return s.id;
    }
    return std::nullopt;
}

}  // namespace thecaview
