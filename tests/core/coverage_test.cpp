// Coverage fractions from per-pixel visibility masks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/coverage.hpp"
#include "core/structures.hpp"

using namespace thecaview;

TEST(Coverage, CountsEachBitOverAllPixels) {
    const StructureMask skin = bit(Structure::skin), pump = bit(Structure::pump);
    const std::vector<PixelIds> pixels{{0, 0, true}, {15, skin | pump, false}, {1, skin, false}, {1, skin, true}};
    const auto c = coverage_from_pixels(pixels);
    EXPECT_DOUBLE_EQ(c.at("skin"), 0.75);
    EXPECT_DOUBLE_EQ(c.at("pump"), 0.25);
    EXPECT_DOUBLE_EQ(c.at("background"), 0.5);
    EXPECT_DOUBLE_EQ(c.at("csf"), 0.0);
}

TEST(Coverage, JsonIsFlatWithEveryStructureAndBackground) {
    const std::vector<PixelIds> pixels{{12, bit(Structure::csf), false}};
    const auto j = nlohmann::json::parse(coverage_json(coverage_from_pixels(pixels)));
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j.size(), kStructureCount + 1);
    EXPECT_DOUBLE_EQ(j.at("csf").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j.at("background").get<double>(), 0.0);
}

// Masks have room for 64 structures, ids 1 to 64: each has a bit of its own, the background none.
TEST(Coverage, MasksHoldSixtyFourStructures) {
    static_assert(kMaxStructures == 64 && sizeof(StructureMask) * 8 == kMaxStructures);
    StructureMask all = 0;
    for (unsigned id = 1; id <= kMaxStructures; ++id) {
        const StructureMask b = bit(static_cast<Structure>(id));
        EXPECT_EQ(__builtin_popcountll(b), 1) << id;
        EXPECT_EQ(all & b, 0u) << id;
        all |= b;
    }
    EXPECT_EQ(all, ~StructureMask{0});
    const auto high = static_cast<Structure>(64);
    EXPECT_EQ(bit(high) & 0xffffffffu, 0u);
    const std::vector<PixelIds> pixels{{64, bit(high) | bit(Structure::skin), false}, {64, bit(high), true}};
    const auto c = coverage_from_pixels(pixels);
    EXPECT_DOUBLE_EQ(c.at("skin"), 0.5);
    EXPECT_DOUBLE_EQ(c.at("background"), 0.5);
}
