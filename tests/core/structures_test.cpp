// The one list of structures: unique snake_case keys, lookups and masks.
#include <gtest/gtest.h>

#include <set>

#include "core/structures.hpp"

using namespace thecaview;

TEST(Structures, KeysAreUniqueSnakeCaseAndRoundTrip) {
    std::set<std::string_view> keys;
    for (const auto& s : structures()) {
        EXPECT_TRUE(keys.insert(s.key).second) << s.key;
        for (char c : s.key) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << s.key;
        EXPECT_EQ(structure_from_key(s.key), s.id);
        EXPECT_EQ(&info(s.id), &s);
        EXPECT_FALSE(s.plain_name.empty());
        EXPECT_FALSE(s.description.empty());
    }
    EXPECT_FALSE(structure_from_key("liver"));
}

TEST(Structures, TheFoundationSetIsThere) {
    for (const char* key : {"skin", "fat", "muscle", "ribs", "pelvis", "vertebrae", "sacrum", "discs", "ligamentum_flavum",
                            "epidural_space", "dura", "csf", "spinal_cord", "nerve_roots", "catheter", "pump"}) {
        EXPECT_TRUE(structure_from_key(key)) << key;
    }
}

TEST(Structures, AllMaskHasABitPerStructureAndNotTheBackground) {
    const std::uint32_t all = all_structures_mask();
    EXPECT_EQ(all & kBackgroundBit, 0u);
    for (const auto& s : structures()) EXPECT_NE(all & bit(s.id), 0u);
    EXPECT_EQ(static_cast<std::size_t>(__builtin_popcount(all)), kStructureCount);
}
