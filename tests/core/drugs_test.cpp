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
    EXPECT_DOUBLE_EQ(good.value.spinal_csf_ml, 97.3);  // SA17, as the shipped file says
    const auto bad = parse_csf_parameters(R"({"csf": {"spinal_csf_ml": 97, "below_t11_ml": 120}})", "spread.json");
    ASSERT_FALSE(bad.errors.empty());
    EXPECT_EQ(bad.errors.back().field, "csf.below_t11_ml");
}

TEST(Drugs, NamesAreFoundWhateverTheirCase) {
    const auto lib = parse_drugs(built_in_drugs_json(), "<built-in>").value;
    ASSERT_NE(lib.find("Morphine"), nullptr);
    EXPECT_EQ(lib.find("MORPHINE"), lib.find("morphine"));
    EXPECT_EQ(lib.find("morphin"), nullptr);
}

// The library names each drug in each language, so a new drug needs no code.
TEST(Drugs, DisplayNamesPerLanguageComeFromTheLibrary) {
    const auto lib = parse_drugs(built_in_drugs_json(), "<built-in>").value;
    for (const auto& d : lib.drugs) {
        EXPECT_FALSE(d.display_name_in("en").empty()) << d.name;
        EXPECT_FALSE(d.display_name_in("es").empty()) << d.name;
    }
    EXPECT_EQ(lib.find("morphine")->display_name_in("es"), "Morfina");
    EXPECT_EQ(lib.find("morphine")->display_name_in("xx"), "Morphine");  // else the English name
}

TEST(Drugs, EveryPublishedRangeSaysWhereItComesFrom) {
    const auto lib = parse_drugs(built_in_drugs_json(), "<built-in>").value;
    for (const auto& d : lib.drugs) {
        for (const char* field : {"usual_concentration_mg_per_ml", "max_concentration_mg_per_ml", "usual_daily_dose_mg", "max_daily_dose_mg"}) {
            EXPECT_EQ(d.range_sources.count(field), 1u) << d.name << "." << field;
        }
    }
    const auto missing = parse_drugs(R"({"drugs": [{"name": "x", "display_name": "X", "molecular_weight_g_per_mol": 300,
        "log_p": 1, "csf_half_life_h": 2, "usual_concentration_mg_per_ml": 1, "max_concentration_mg_per_ml": 2,
        "usual_daily_dose_mg": [1, 2], "max_daily_dose_mg": 3}]})", "drugs.json");
    ASSERT_FALSE(missing.errors.empty());
    EXPECT_EQ(missing.errors[0].field, "drugs[0].range_sources.usual_concentration_mg_per_ml");
}

TEST(Drugs, KeysNothingReadsAreReportedWithFileAndField) {
    const auto shipped = parse_drugs(built_in_drugs_json(), "<built-in>");
    EXPECT_TRUE(shipped.unused.empty()) << shipped.unused.front().to_string();
    EXPECT_TRUE(parse_csf_parameters(built_in_spread_json(), "<built-in>").unused.empty());
    const auto typo = parse_csf_parameters(R"({"csf": {"spinal_csf_ml": 97, "below_t11_ml": 50, "cranial_csf_ml": 120,
        "production_ml_per_h": 21, "dispersion_cervical_cm2_per_h": 1, "dispersion_thoracic_cm2_per_h": 1,
        "dispersion_thoracolumbar_cm2_per_h": 1, "dispersion_lumbar_cm2_per_h": 1, "dispersion_sacral_cm2_per_h": 1,
        "foramen_exchange_ml_per_h": 1, "injection_mixing_ml_per_ml": 1, "injection_mixing_memory_h": 1,
        "lumbar_spreading_per_h": 0, "dispersion_cervicle_cm2_per_h": 5}})", "spread.json");
    EXPECT_TRUE(typo.errors.empty()) << typo.errors.front().to_string();
    ASSERT_EQ(typo.unused.size(), 1u);
    EXPECT_EQ(typo.unused[0].file, "spread.json");
    EXPECT_EQ(typo.unused[0].field, "csf.dispersion_cervicle_cm2_per_h");
}
