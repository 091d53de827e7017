// The drug library and transport parameters: the shipped files, and broken ones reported.
#include <gtest/gtest.h>

#include "core/drugs.hpp"

using namespace thecaview;

TEST(Drugs, TheShippedLibraryHasEveryDrugWithConsistentRanges) {
    const auto lib = parse_drugs(built_in_drugs_json(), "<built-in>");
    ASSERT_TRUE(lib.errors.empty()) << lib.errors.front().to_string();
    for (const char* name : {"morphine", "hydromorphone", "fentanyl", "sufentanil", "bupivacaine", "clonidine", "baclofen",
                             "ziconotide"}) {
        const Drug* d = lib.value.find(name);
        ASSERT_NE(d, nullptr) << name;
        EXPECT_LE(d->usual_concentration_mg_per_ml, d->max_concentration_mg_per_ml) << name;
        EXPECT_LE(d->usual_daily_dose_min_mg, d->usual_daily_dose_max_mg) << name;
        EXPECT_GT(d->clearance_per_h(), 0.0) << name;
        EXPECT_FALSE(d->sources.empty()) << name;
    }
    // Water-soluble morphine stays in the CSF longer than fat-soluble fentanyl.
    EXPECT_GT(lib.value.find("morphine")->csf_half_life_h, lib.value.find("fentanyl")->csf_half_life_h);
    EXPECT_TRUE(lib.value.find("morphine")->hydrophilic);
    EXPECT_FALSE(lib.value.find("fentanyl")->hydrophilic);
}

TEST(Drugs, ABrokenEntryIsReportedWithItsLineFieldAndValue) {
    const char* text = R"({
  "drugs": [
    {"name": "morphine", "display_name": "Morphine", "molecular_weight_g_per_mol": 285.3, "log_p": 0.15,
     "csf_half_life_h": -1,
     "usual_concentration_mg_per_ml": 10, "max_concentration_mg_per_ml": 25,
     "usual_daily_dose_mg": [1, 10], "max_daily_dose_mg": 20}
  ]
})";
    const auto lib = parse_drugs(text, "drugs.json");
    ASSERT_EQ(lib.errors.size(), 1u);
    EXPECT_EQ(lib.errors[0].file, "drugs.json");
    EXPECT_EQ(lib.errors[0].line, 4);
    EXPECT_EQ(lib.errors[0].field, "drugs[0].csf_half_life_h");
    EXPECT_EQ(lib.errors[0].value, "-1");
    EXPECT_TRUE(lib.value.drugs.empty());
}

TEST(Drugs, AMissingFileFallsBackToTheBuiltInLibrary) {
    const auto lib = load_drugs("/nonexistent/drugs.json");
    EXPECT_TRUE(lib.used_built_in);
    ASSERT_FALSE(lib.errors.empty());
    EXPECT_NE(lib.errors[0].to_string().find("/nonexistent/drugs.json"), std::string::npos);
    EXPECT_NE(lib.value.find("morphine"), nullptr);
}

TEST(Drugs, TransportParametersAreCheckedToo) {
    const auto good = parse_csf_parameters(built_in_spread_json(), "<built-in>");
    EXPECT_TRUE(good.errors.empty());
    EXPECT_DOUBLE_EQ(good.value.spinal_csf_ml, 97.0);
    const auto bad = parse_csf_parameters(R"({"csf": {"spinal_csf_ml": 97, "below_t11_ml": 120}})", "spread.json");
    ASSERT_FALSE(bad.errors.empty());
    EXPECT_EQ(bad.errors.back().field, "csf.below_t11_ml");
}
