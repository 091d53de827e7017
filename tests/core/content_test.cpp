// Procedure content: the shipped languages load; broken files are reported with file, line,
// field and value; lint grades patient text and finds missing translations.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/lint.hpp"

using namespace thecaview;

namespace {
const std::vector<std::string> kViews{"overview", "back", "side", "pump", "tip", "spread", "cross_section"};

bool mentions(const InputErrors& errors, const std::string& text) {
    for (const auto& e : errors) {
        if (e.to_string().find(text) != std::string::npos) return true;
    }
    return false;
}

// An empty content folder with English and Spanish subfolders, for the lint tests.
std::filesystem::path fresh_content_dir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "en");
    std::filesystem::create_directories(dir / "es");
    return dir;
}

// A minimal valid content document: every UI key and structure, and the given steps.
nlohmann::ordered_json document(const char* language, nlohmann::ordered_json steps) {
    nlohmann::ordered_json doc{{"language", language}, {"language_name", language}, {"version", "1"},
                                 {"review_date", "2026-11-27"}};
    for (const auto& key : required_ui_keys()) doc["ui"][key] = "Label " + key;
    for (const auto& s : structures()) {
        doc["structures"][std::string(s.key)] = {{"name", "Name"}, {"term", "term"}, {"description", "A short line."}};
    }
    doc["steps"] = std::move(steps);
    return doc;
}

nlohmann::ordered_json step(const char* id, const char* view, const char* caption = "Short words.") {
    return {{"id", id},
            {"view", view},
            {"patient", {{"title", "Title"}, {"caption", caption}, {"cards", {"Short words."}}}},
            {"student", {{"title", "Title"}, {"caption", "Clinical words."}, {"sources", {"[8]"}}}}};
}
}  // namespace

TEST(Content, BuiltInStepsParseCleanly) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    EXPECT_TRUE(load.errors.empty()) << (load.errors.empty() ? "" : load.errors[0].to_string());
    EXPECT_EQ(load.content.steps.size(), 16u);
    EXPECT_EQ(load.content.language, "en");
    for (const auto& key : required_ui_keys()) EXPECT_FALSE(load.content.text(key).empty()) << key;
    for (const auto& s : structures()) EXPECT_NE(load.content.structure(s.id), nullptr) << s.key;
    for (const auto& st : load.content.steps) {
        EXPECT_FALSE(st.patient.caption.empty()) << st.id;
        EXPECT_FALSE(st.student.caption.empty()) << st.id;
    }
}

TEST(Content, PlaceholdersAreFilledIn) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    const std::string s = load.content.format("step_of", {{"n", "3"}, {"total", "13"}});
    EXPECT_NE(s.find('3'), std::string::npos);
    EXPECT_NE(s.find("13"), std::string::npos);
    EXPECT_EQ(s.find('{'), std::string::npos);
}

TEST(Content, BrokenJsonNamesFileAndLine) {
    const auto load = parse_procedure("{\n  \"steps\": [\n    { \"id\": \"a\", }\n  ]\n}\n", "steps.json", kViews);
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_EQ(load.errors[0].file, "steps.json");
    EXPECT_EQ(load.errors[0].line, 3);
}

TEST(Content, UnknownNamesAreErrorsWithFieldAndValue) {
    auto bad = step("b", "kidney");
    bad["highlight"] = {"pump", "liver"};
    bad["animation"] = "dance";
    const std::string text = document("en", {step("a", "overview"), bad}).dump(2);
    const auto load = parse_procedure(text, "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[1].view = \"kidney\": unknown view")) << load.errors.size();
    EXPECT_TRUE(mentions(load.errors, "steps[1].highlight = \"liver\": unknown structure"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].animation = \"dance\": unknown animation"));
    for (const auto& e : load.errors) EXPECT_GT(e.line, 0) << e.to_string();
}

TEST(Content, DuplicateIdsUnknownFieldsAndMissingTextsAreErrors) {
    auto missing = step("a", "back");
    missing.erase("student");
    missing["colour"] = "red";
    auto doc = document("en", {step("a", "overview"), missing});
    doc["ui"].erase("next");
    const auto load = parse_procedure(doc.dump(2), "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[1].id = \"a\": duplicate id"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].student: missing"));
    EXPECT_TRUE(mentions(load.errors, "steps[1].colour = \"red\": unknown field"));
    EXPECT_TRUE(mentions(load.errors, "ui.next: missing"));
}

TEST(Content, MissingOrBrokenFileFallsBackToBuiltInEnglish) {
    const auto missing = load_procedure("/nonexistent/steps.json", kViews);
    EXPECT_TRUE(missing.used_built_in);
    EXPECT_FALSE(missing.content.steps.empty());
    EXPECT_TRUE(mentions(missing.errors, "/nonexistent/steps.json"));

    const auto dir = std::filesystem::temp_directory_path() / "thecaview_content_test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "steps.json";
    std::ofstream(file) << "{ \"steps\": [ }";
    const auto broken = load_procedure(file, kViews);
    EXPECT_TRUE(broken.used_built_in);
    EXPECT_FALSE(broken.content.steps.empty());
    EXPECT_TRUE(mentions(broken.errors, file.string() + ":1"));
    std::filesystem::remove_all(dir);
}

TEST(Content, TheShippedLanguagesLoadWithTheSameSteps) {
    const auto lib = load_content_library(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content", kViews);
    EXPECT_TRUE(lib.errors.empty()) << (lib.errors.empty() ? "" : lib.errors[0].to_string());
    ASSERT_NE(lib.find("es"), nullptr);
    const auto& en = lib.english();
    const auto& es = *lib.find("es");
    ASSERT_EQ(en.steps.size(), es.steps.size());
    for (std::size_t i = 0; i < en.steps.size(); ++i) EXPECT_EQ(en.steps[i].id, es.steps[i].id);
    // Accented letters arrive as UTF-8.
    bool accented = false;
    for (const auto& st : es.steps) accented = accented || st.patient.caption.find("\xC3") != std::string::npos;
    EXPECT_TRUE(accented);
}

TEST(Lint, TheShippedContentPassesAndEveryLongPatientTextIsGraded) {
    const LintReport report = lint_content(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content", kViews);
    EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors[0].to_string());
    EXPECT_TRUE(report.too_hard().empty()) << report.too_hard().front()->text;
    int graded = 0;
    for (const auto& t : report.texts) {
        const bool step_text = t.step != "ui" && t.step != "structures";
        if (step_text && t.level == "patient" && (t.field == "caption" || t.field == "more")) {
            ++graded;
            EXPECT_TRUE(t.grade) << t.language << " " << t.step << "." << t.field;
        }
        if (t.field == "title") {
            EXPECT_FALSE(t.grade);
        }
    }
    EXPECT_GE(graded, 13 * 2 * 2);  // captions and explanations, both languages
}

TEST(Lint, FindsHardPatientTextAndMissingTranslations) {
    const auto dir = fresh_content_dir("thecaview_lint_test");
    const char* hard = "Intrathecal administration circumvents hepatic first-pass metabolism, permitting considerably "
                       "diminished cumulative opioid requirements relative to conventional systemic administration routes in adults.";
    auto liver = step("b", "back");
    liver["highlight"] = {"liver"};
    std::ofstream(dir / "en" / "steps.json") << document("en", {step("a", "overview", hard), liver}).dump(2);
    std::ofstream(dir / "es" / "steps.json") << document("es", {step("a", "overview")}).dump(2);
    const LintReport report = lint_content(dir, kViews);
    EXPECT_FALSE(report.passed());
    ASSERT_EQ(report.too_hard().size(), 1u);
    EXPECT_EQ(report.too_hard()[0]->step, "a");
    EXPECT_TRUE(mentions(report.errors, "missing translation of step \"b\""));
    EXPECT_TRUE(mentions(report.errors, "steps[1].highlight = \"liver\": unknown structure"));
    const auto j = nlohmann::json::parse(report.json());
    EXPECT_TRUE(j.contains("texts"));
    EXPECT_TRUE(j.contains("errors"));
    std::filesystem::remove_all(dir);
}

// ---- lists, contacts and the glossary ------------------------------------------------------

TEST(Content, StepsCarryListsAndTheContactsFlag) {
    auto help = step("get-help", "pump");
    help["contacts"] = true;
    help["patient"]["lists"] = {{{"heading", "Call today"}, {"points", {"A fever.", "A beeping pump."}}},
                                {{"heading", "Emergency"}, {"points", {"Breathing slowly."}}}};
    const auto load = parse_procedure(document("en", {help}).dump(), "steps.json", kViews);
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().to_string();
    const ProcedureStep& s = load.content.steps.front();
    EXPECT_TRUE(s.contacts);
    ASSERT_EQ(s.patient.lists.size(), 2u);
    EXPECT_EQ(s.patient.lists[0].heading, "Call today");
    EXPECT_EQ(s.patient.lists[0].points, (std::vector<std::string>{"A fever.", "A beeping pump."}));
    EXPECT_TRUE(s.student.lists.empty());
    // The lists' words count in the reading time, after the title and caption.
    const std::string words = step_words(s.patient, true);
    EXPECT_NE(words.find("Breathing slowly."), std::string::npos);
    EXPECT_EQ(step_words(s.patient, false).find("Breathing"), std::string::npos);
}

TEST(Content, BrokenListsContactsAndTermsNameTheirField) {
    auto s = step("a", "overview");
    s["contacts"] = "yes";
    s["patient"]["lists"] = {{{"heading", "H"}, {"points", nlohmann::ordered_json::array()}}, {{"heading", "H"}, {"points", {""}}}};
    auto doc = document("en", {s});
    doc["glossary"] = {{{"key", "csf"}, {"term", "CSF"}, {"definition", "Fluid."}, {"forms", {"CSF"}}},
                       {{"key", "csf"}, {"term", "CSF"}, {"definition", "Fluid."}, {"forms", "CSF"}}};
    const auto load = parse_procedure(doc.dump(2), "steps.json", kViews);
    EXPECT_TRUE(mentions(load.errors, "steps[0].contacts = \"yes\": must be true or false"));
    EXPECT_TRUE(mentions(load.errors, "steps[0].patient.lists[0].points = []: must be a non-empty list of texts"));
    EXPECT_TRUE(mentions(load.errors, "steps[0].patient.lists[1].points[0] = \"\": must be a non-empty text"));
    EXPECT_TRUE(mentions(load.errors, "glossary[1].key = \"csf\": duplicate term"));
    EXPECT_TRUE(mentions(load.errors, "glossary[1].forms = \"CSF\": must be a non-empty list of texts"));
    for (const auto& e : load.errors) EXPECT_EQ(e.file, "steps.json");
}

TEST(Content, GlossaryTermsAreFoundAsWholeWordsInAnyCase) {
    auto doc = document("en", {step("a", "overview")});
    doc["glossary"] = {{{"key", "catheter"}, {"term", "Catheter"}, {"definition", "A thin tube."}, {"forms", {"catheter", "tube"}}},
                       {{"key", "ct"}, {"term", "CT"}, {"definition", "A scan."}, {"forms", {"CT"}}},
                       {{"key", "csf"}, {"term", "CSF"}, {"definition", "Fluid."}, {"forms", {"spinal fluid"}}}};
    const auto load = parse_procedure(doc.dump(), "steps.json", kViews);
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().to_string();
    const ProcedureContent& c = load.content;
    const auto keys = [&](std::string_view text) {
        std::vector<std::string> out;
        for (const GlossaryTerm* t : c.terms_in(text)) out.push_back(t->key);
        return out;
    };
    EXPECT_EQ(keys("The Tube runs to the SPINAL FLUID."), (std::vector<std::string>{"catheter", "csf"}));
    EXPECT_EQ(keys("Tubes, a factor, a doctor"), std::vector<std::string>{});  // no part of a longer word
    EXPECT_EQ(keys("A CT scan; then a catheter."), (std::vector<std::string>{"catheter", "ct"}));
    EXPECT_EQ(keys("El catéter"), std::vector<std::string>{});  // an accented letter is part of the word
}

TEST(Content, TheShippedStepsEndWithSummaryHelpAndQuestionsAndDefineEveryTerm) {
    for (const char* language : {"en", "es"}) {
        const auto file = std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content" / language / "steps.json";
        const auto load = load_procedure(file, kViews);
        ASSERT_TRUE(load.errors.empty()) << load.errors.front().to_string();
        const auto& steps = load.content.steps;
        ASSERT_GE(steps.size(), 3u);
        EXPECT_EQ(steps[steps.size() - 3].id, "summary");
        EXPECT_EQ(steps[steps.size() - 2].id, "get-help");
        EXPECT_EQ(steps[steps.size() - 1].id, "questions");
        const ProcedureStep& help = steps[steps.size() - 2];
        EXPECT_TRUE(help.contacts);
        ASSERT_EQ(help.patient.lists.size(), 2u) << language << ": call today, and emergency";
        ASSERT_EQ(steps[steps.size() - 3].patient.lists.size(), 1u);
        EXPECT_EQ(steps[steps.size() - 3].patient.lists[0].points.size(), 5u) << "five things to remember";
        for (const char* key : {"catheter", "intrathecal", "csf", "anaesthesia", "baclofen", "morphine", "mri", "ct",
                                "granuloma", "dermatome", "refill"}) {
            const auto& g = load.content.glossary;
            const auto it = std::find_if(g.begin(), g.end(), [&](const GlossaryTerm& t) { return t.key == key; });
            ASSERT_NE(it, g.end()) << language << ": " << key;
            EXPECT_FALSE(it->definition.empty());
            // Each term is used, and so marked, somewhere in the patient texts.
            bool used = false;
            for (const auto& s : steps) {
                for (const GlossaryTerm* t : load.content.terms_in(step_words(s.patient, true))) used = used || t->key == key;
                for (const GlossaryTerm* t : load.content.terms_in(step_words(s.student, true))) used = used || t->key == key;
            }
            EXPECT_TRUE(used) << language << ": no text uses " << key;
        }
    }
}

TEST(Lint, FindsUntranslatedListsAndTerms) {
    const auto dir = fresh_content_dir("thecaview_lint_lists_test");
    auto en_step = step("a", "overview");
    en_step["patient"]["lists"] = {{{"heading", "Call"}, {"points", {"A fever.", "A beeping pump."}}}};
    auto en = document("en", {en_step});
    en["glossary"] = {{{"key", "csf"}, {"term", "CSF"}, {"definition", "The clear fluid."}, {"forms", {"CSF"}}}};
    auto es_step = step("a", "overview");
    es_step["patient"]["lists"] = {{{"heading", "Llame"}, {"points", {"Fiebre."}}}};
    std::ofstream(dir / "en" / "steps.json") << en.dump(2);
    std::ofstream(dir / "es" / "steps.json") << document("es", {es_step}).dump(2);
    const LintReport report = lint_content(dir, kViews);
    EXPECT_TRUE(mentions(report.errors, "steps[0].patient.lists = \"a\": its lists and points differ from English's"));
    EXPECT_TRUE(mentions(report.errors, "glossary = \"csf\": missing translation of the term \"csf\""));
    std::filesystem::remove_all(dir);
}

// A step names its subjects with leader lines: the "labels" it lists, else what it highlights.
TEST(Content, AStepLabelsWhatItsTextNames) {
    auto named = step("a", "overview");
    named["highlight"] = {"skin"};
    named["labels"] = {"pump", "catheter"};
    auto plain = step("b", "overview");
    plain["highlight"] = {"csf"};
    const auto load = parse_procedure(document("en", {named, plain}).dump(), "steps.json", kViews);
    ASSERT_TRUE(load.errors.empty()) << load.errors.front().to_string();
    EXPECT_EQ(load.content.steps[0].label_mask, bit(Structure::pump) | bit(Structure::catheter));
    EXPECT_EQ(load.content.steps[1].label_mask, bit(Structure::csf));
    const auto shipped = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    for (const auto& s : shipped.content.steps) {
        if (s.id == "closing") {
            EXPECT_NE(s.label_mask & bit(Structure::pump), 0u) << "the text says the pump is under the skin";
        }
    }
}

// Signage shows each patient step as short cards under its title: every step has them, none is
// long, each language has as many, and the cards are graded joined so short ones cannot escape.
TEST(Lint, EveryPatientStepHasShortTranslatedCards) {
    const auto dir = fresh_content_dir("thecaview_lint_cards_test");
    auto none = step("a", "overview");
    none["patient"].erase("cards");
    auto long_card = step("b", "overview");
    long_card["patient"]["cards"] = {"One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                     "fifteen sixteen seventeen eighteen nineteen twenty more.", "Call now."};
    auto one = step("a", "overview");
    std::ofstream(dir / "en" / "steps.json") << document("en", {none, long_card}).dump(2);
    std::ofstream(dir / "es" / "steps.json") << document("es", {one, step("b", "overview")}).dump(2);
    const LintReport report = lint_content(dir, kViews);
    EXPECT_TRUE(mentions(report.errors, "en/steps.json: steps[0].patient.cards = \"a\": no cards"));
    EXPECT_TRUE(mentions(report.errors, "steps[1].patient.cards[0] = 21 words: a card holds at most 20 words"));
    EXPECT_TRUE(mentions(report.errors, "es/steps.json: steps[1].patient.cards = \"b\": has 1 cards, English 2"));
    EXPECT_TRUE(mentions(report.errors, "es/steps.json: steps[0].patient.cards = \"a\": has 1 cards, English 0"));
    const auto graded = std::find_if(report.texts.begin(), report.texts.end(),
                                     [](const LintText& t) { return t.step == "b" && t.field == "cards" && t.language == "en"; });
    ASSERT_NE(graded, report.texts.end());
    EXPECT_NE(graded->text.find("Call now."), std::string::npos) << "the cards are graded as one text";
    EXPECT_TRUE(graded->grade);
    std::filesystem::remove_all(dir);
}

TEST(Content, ShippedCardsCarryTheKeyActions) {
    for (const char* language : {"en", "es"}) {
        const auto load = load_procedure(std::filesystem::path(THECAVIEW_ASSETS_DIR) / "content" / language / "steps.json", kViews);
        ASSERT_TRUE(load.errors.empty()) << load.errors.front().to_string();
        const std::string emergency = std::string(language) == "en" ? "emergency" : "emergencia";
        for (const auto& s : load.content.steps) {
            EXPECT_GE(s.patient.cards.size(), 2u) << language << " " << s.id;
            if (s.id != "risks" && s.id != "get-help") continue;
            std::string all;
            for (const auto& card : s.patient.cards) all += card + " ";
            std::transform(all.begin(), all.end(), all.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            EXPECT_NE(all.find(emergency), std::string::npos) << language << " " << s.id << ": signage says when to call for help now";
        }
    }
}

// A step's pose is content: upright by default, lateral where it says so, anything else an error
// naming the field; the shipped surgical steps lie on their side.
TEST(Content, AStepsPoseIsReadAndABadOneNamed) {
    auto lying = step("a", "back");
    lying["pose"] = "lateral";
    auto bad = step("b", "back");
    bad["pose"] = "sitting";
    const auto load = parse_procedure(document("en", {lying, step("c", "back"), bad}).dump(), "steps.json", kViews);
    EXPECT_EQ(load.content.steps[0].pose, BodyPose::lateral);
    EXPECT_EQ(load.content.steps[1].pose, BodyPose::upright);
    EXPECT_TRUE(mentions(load.errors, "steps[2].pose = \"sitting\": unknown pose (upright, lateral)"));
    const auto shipped = parse_procedure(built_in_procedure_json(), "<built-in>", kViews);
    for (const auto& s : shipped.content.steps) {
        const bool surgery = s.id == "on-side" || s.id == "back-incision" || s.id == "tunnel" || s.id == "pocket" ||
                             s.id == "connect" || s.id == "closing";
        EXPECT_EQ(s.pose == BodyPose::lateral, surgery) << s.id;
    }
}
