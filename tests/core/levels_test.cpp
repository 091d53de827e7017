// Level names, case-insensitive parsing and interspaces.
#include <gtest/gtest.h>

#include "core/levels.hpp"

using namespace thecaview;

TEST(Levels, NamesRunFromC1ToCoccyx) {
    EXPECT_EQ(name_of(Level::C1), "C1");
    EXPECT_EQ(name_of(Level::C7), "C7");
    EXPECT_EQ(name_of(Level::T1), "T1");
    EXPECT_EQ(name_of(Level::T12), "T12");
    EXPECT_EQ(name_of(Level::L5), "L5");
    EXPECT_EQ(name_of(Level::S2), "S2");
    EXPECT_EQ(name_of(Level::Co), "Co");
    EXPECT_EQ(kLevelCount, 30);
}

TEST(Levels, ParsingIgnoresCaseAndRoundTrips) {
    for (int i = 0; i < kLevelCount; ++i) {
        const Level l = level_at(i);
        EXPECT_EQ(parse_level(name_of(l)), l);
    }
    EXPECT_EQ(parse_level("t10"), Level::T10);
    EXPECT_EQ(parse_level("l3"), Level::L3);
    EXPECT_EQ(parse_level("CO"), Level::Co);
}

TEST(Levels, RejectsLevelsThatDoNotExist) {
    for (const char* bad : {"", "C0", "C8", "T13", "L6", "S6", "X1", "T01", "T1x", "L"}) {
        EXPECT_FALSE(parse_level(bad).has_value()) << bad;
    }
}

TEST(Levels, Regions) {
    EXPECT_EQ(region_of(Level::C7), Region::cervical);
    EXPECT_EQ(region_of(Level::T1), Region::thoracic);
    EXPECT_EQ(region_of(Level::L1), Region::lumbar);
    EXPECT_EQ(region_of(Level::S5), Region::sacral);
    EXPECT_EQ(region_of(Level::Co), Region::coccygeal);
}

TEST(Levels, InterspacesNeedAdjacentLevels) {
    const auto s = parse_interspace("l3-L4");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->upper, Level::L3);
    EXPECT_EQ(s->name(), "L3-L4");
    EXPECT_EQ(parse_interspace("T12-L1")->name(), "T12-L1");
    EXPECT_FALSE(parse_interspace("L3-L5"));
    EXPECT_FALSE(parse_interspace("L4-L3"));
    EXPECT_FALSE(parse_interspace("L3"));
}

// What the patient's drug chart says instead of C1 ... S2.
TEST(Levels, EachLevelBelongsToThePartOfTheBackAPatientNames) {
    EXPECT_EQ(back_region_key(Level::C1), "region_neck");
    EXPECT_EQ(back_region_key(Level::C7), "region_neck");
    EXPECT_EQ(back_region_key(Level::T1), "region_upper_back");
    EXPECT_EQ(back_region_key(Level::T12), "region_upper_back");
    EXPECT_EQ(back_region_key(Level::L1), "region_lower_back");
    EXPECT_EQ(back_region_key(Level::S2), "region_lower_back");
    EXPECT_EQ(back_region_key(Level::Co), "region_lower_back");
}
