// The table behind structures(): every name a structure has, written once.
#include "core/structures.hpp"

#include <cassert>

namespace thecaview {

namespace {
constexpr std::array<StructureInfo, kStructureCount> kStructures{{
    {Structure::skin, "skin", "Skin", "integument",
     "The outer covering of the body. The pump and catheter lie under it."},
    {Structure::fat, "fat", "Fat under the skin", "subcutaneous adipose tissue",
     "A soft layer of fat under the skin. The pump sits in a pocket in it."},
    {Structure::muscle, "muscle", "Muscle", "abdominal wall and erector spinae muscles",
     "The muscles of the belly wall and the back. The pump rests on top of them."},
    {Structure::ribs, "ribs", "Ribs and breastbone", "costae and sternum",
     "Curved bones around the chest, and the flat bone in front they join. They guard the heart and lungs."},
    {Structure::pelvis, "pelvis", "Hip bones", "pelvis (ilium, ischium, pubis)",
     "The ring of bones at the hips. Its top edge is at about the L4 level."},
    {Structure::vertebrae, "vertebrae", "Backbones", "vertebrae",
     "The bones of the spine. They stack up and guard the spinal cord."},
    {Structure::sacrum, "sacrum", "Tailbone area", "sacrum and coccyx",
     "Joined bones at the bottom of the spine, between the hip bones."},
    {Structure::discs, "discs", "Discs", "intervertebral discs",
     "Soft pads between the backbones that let the spine bend."},
    {Structure::ligamentum_flavum, "ligamentum_flavum", "Back ligament", "ligamentum flavum",
     "A tough band between the backbones. The needle passes through it."},
    {Structure::epidural_space, "epidural_space", "Epidural space", "epidural space",
     "A thin layer of fat and veins just outside the sac of spinal fluid."},
    {Structure::dura, "dura", "Sac around the fluid", "dura mater (dural sac)",
     "A tough, thin bag that holds the spinal fluid and the nerves."},
    {Structure::csf, "csf", "Spinal fluid", "cerebrospinal fluid in the intrathecal space",
     "Clear fluid around the spinal cord. The pump puts medicine into it."},
    {Structure::spinal_cord, "spinal_cord", "Spinal cord", "medulla spinalis",
     "The bundle of nerves that carries messages between brain and body."},
    {Structure::nerve_roots, "nerve_roots", "Nerve roots", "spinal nerve roots and cauda equina",
     "Nerves that leave the spinal cord between the backbones. Low in the back they hang like a horse's tail."},
    {Structure::catheter, "catheter", "Catheter", "intrathecal catheter",
     "A thin, soft tube that carries medicine from the pump to the spine."},
    {Structure::pump, "pump", "Pump", "implanted intrathecal drug pump",
     "A round metal device under the belly skin that holds and gives the medicine."},
    {Structure::skull, "skull", "Skull", "cranium and mandible",
     "The bones of the head. They guard the brain; the spinal cord leaves through a hole at its base."},
    {Structure::arm_bones, "arm_bones", "Arm bones", "clavicle, humerus, radius, ulna and the bones of the hand",
     "The collarbone and the bones of the arm and hand. An IV often goes into a vein on the back of the hand."},
    {Structure::costal_cartilage, "costal_cartilage", "Rib cartilage", "costal cartilages",
     "Tough, bendy tissue that joins the front ends of most ribs to the breastbone, so the chest can move as you breathe."},
    {Structure::scapula, "scapula", "Shoulder blade", "scapula",
     "A flat, three-cornered bone on the upper back. It holds the shoulder joint's socket."},
    {Structure::femur, "femur", "Thigh bone", "femur",
     "The long bone of the thigh. Its round head turns in the hip bone's socket."},
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
