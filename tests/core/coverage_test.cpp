// Coverage fractions from per-pixel visibility masks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/coverage.hpp"
#include "core/structures.hpp"

using namespace thecaview;

TEST(Coverage, CountsEachBitOverAllPixels) {
    const StructureMask skin = bit(Structure::skin), pump = bit(Structure::pump);
    const std::vector<StructureMask> masks{kBackgroundBit, skin | pump, skin, skin | kBackgroundBit};
    const auto c = coverage_from_masks(masks);
    EXPECT_DOUBLE_EQ(c.at("skin"), 0.75);
    EXPECT_DOUBLE_EQ(c.at("pump"), 0.25);
    EXPECT_DOUBLE_EQ(c.at("background"), 0.5);
    EXPECT_DOUBLE_EQ(c.at("csf"), 0.0);
}

TEST(Coverage, JsonIsFlatWithEveryStructureAndBackground) {
    const std::vector<StructureMask> masks{bit(Structure::csf)};
    const auto j = nlohmann::json::parse(coverage_json(coverage_from_masks(masks)));
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j.size(), kStructureCount + 1);
    EXPECT_DOUBLE_EQ(j.at("csf").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j.at("background").get<double>(), 0.0);
}

// Masks have room for 63 structures: a bit above 31 is its own and leaves the others alone.
TEST(Coverage, MasksHoldSixtyThreeStructures) {
    static_assert(sizeof(StructureMask) * 8 > kMaxStructures);
    const auto high = static_cast<Structure>(40);
    EXPECT_EQ(bit(high), StructureMask{1} << 40);
    EXPECT_EQ(bit(high) & 0xffffffffu, 0u);
    const std::vector<StructureMask> masks{bit(high) | bit(Structure::skin), bit(high)};
    const auto c = coverage_from_masks(masks);
    EXPECT_DOUBLE_EQ(c.at("skin"), 0.5);
    EXPECT_DOUBLE_EQ(c.at("background"), 0.0);
}
