// Readability: syllable rules, the formulas, and grades that order texts sensibly.
#include <gtest/gtest.h>

#include "core/readability.hpp"

using namespace thecaview;

TEST(Readability, CountsEnglishSentencesWordsAndSyllables) {
    const TextCounts c = count_text("The cat sat on the mat. It was happy!", "en");
    EXPECT_EQ(c.sentences, 2);
    EXPECT_EQ(c.words, 9);
    EXPECT_EQ(c.syllables, 10);  // hap-py
    EXPECT_EQ(count_text("medicine", "en").syllables, 3);
    EXPECT_EQ(count_text("table", "en").syllables, 2);
    EXPECT_EQ(count_text("catheter", "en").syllables, 3);
}

TEST(Readability, CountsSpanishSyllablesWithDiphthongsAndHiatus) {
    EXPECT_EQ(count_text("médula", "es").syllables, 3);
    EXPECT_EQ(count_text("bomba", "es").syllables, 2);
    EXPECT_EQ(count_text("líquido", "es").syllables, 3);  // qui: silent u
    EXPECT_EQ(count_text("cuidado", "es").syllables, 3);  // cui: diphthong
    EXPECT_EQ(count_text("día", "es").syllables, 2);      // accented í: hiatus
    EXPECT_EQ(count_text("poeta", "es").syllables, 3);    // o-e: hiatus
    EXPECT_EQ(count_text("¿Qué es? Es una bomba.", "es").sentences, 2);
}

TEST(Readability, FleschKincaidMatchesTheFormula) {
    const TextCounts c{2, 20, 30};
    EXPECT_NEAR(flesch_kincaid_grade(c), 0.39 * 10.0 + 11.8 * 1.5 - 15.59, 1e-9);
}

TEST(Readability, FernandezHuertaMatchesTheFormulaAndFleschsTable) {
    const TextCounts c{5, 100, 180};
    EXPECT_NEAR(fernandez_huerta_ease(c), 206.84 - 0.60 * 180.0 - 1.02 * 5.0, 1e-9);
    EXPECT_EQ(grade_from_ease(95.0), 5.0);
    EXPECT_EQ(grade_from_ease(70.0), 7.0);
    EXPECT_EQ(grade_from_ease(69.9), 8.5);
    EXPECT_EQ(grade_from_ease(10.0), 17.0);
}

TEST(Readability, PlainTextGradesBelowClinicalText) {
    struct Case {
        const char* language;
        const char* plain;
        const char* clinical;
        double plain_at_most;
        double clinical_above;
    };
    const Case cases[] = {
        {"en",
         "A small pump sits under the skin of your belly. A thin tube takes the medicine to the fluid around your spinal cord.",
         "Intrathecal administration circumvents hepatic first-pass metabolism, permitting considerably diminished "
         "cumulative opioid requirements relative to systemic administration.",
         7.0, 14.0},
        {"es", "Una bomba pequeña está bajo la piel de su barriga. Un tubo fino lleva el remedio al líquido de la espalda.",
         "La administración intratecal evita el metabolismo hepático de primer paso, permitiendo requerimientos "
         "acumulativos considerablemente disminuidos.",
         7.0, 10.0},
    };
    for (const auto& c : cases) {
        EXPECT_LE(*reading_grade(c.plain, c.language), c.plain_at_most) << c.language;
        EXPECT_GT(*reading_grade(c.clinical, c.language), c.clinical_above) << c.language;
    }
    EXPECT_FALSE(reading_grade("Bonjour", "fr"));
}
