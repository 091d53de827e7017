// Coverage fractions from per-pixel visibility masks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/coverage.hpp"
#include "core/structures.hpp"

using namespace thecaview;

TEST(Coverage, CountsEachBitOverAllPixels) {
    const std::uint32_t skin = bit(Structure::skin), pump = bit(Structure::pump);
    const std::vector<std::uint32_t> masks{kBackgroundBit, skin | pump, skin, skin | kBackgroundBit};
    const auto c = coverage_from_masks(masks);
    EXPECT_DOUBLE_EQ(c.at("skin"), 0.75);
    EXPECT_DOUBLE_EQ(c.at("pump"), 0.25);
    EXPECT_DOUBLE_EQ(c.at("background"), 0.5);
    EXPECT_DOUBLE_EQ(c.at("csf"), 0.0);
}

TEST(Coverage, JsonIsFlatWithEveryStructureAndBackground) {
    const std::vector<std::uint32_t> masks{bit(Structure::csf)};
    const auto j = nlohmann::json::parse(coverage_json(coverage_from_masks(masks)));
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(j.size(), kStructureCount + 1);
    EXPECT_DOUBLE_EQ(j.at("csf").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j.at("background").get<double>(), 0.0);
}
