// The command line, run as a process: help, version, exit codes, --size, and what it writes.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "render/png.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr
};

// Runs a shell command line, capturing stdout and stderr.
Run run_shell(const std::string& script) {
    Run r;
    const std::string command = "(" + script + ") 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) r.output += buffer;
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// The app with these arguments; `env` holds environment assignments ("NAME=value ") or nothing.
Run run_with(const std::string& env, const std::string& args) {
    return run_shell(env + THECAVIEW_BINARY + " " + args);
}
Run run(const std::string& args) { return run_with("", args); }

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("thecaview_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

}  // namespace

TEST_F(CliTest, HelpAndVersionExitZero) {
    const auto help = run("--help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.output.find("render"), std::string::npos);
    const auto version = run("--version");
    EXPECT_EQ(version.status, 0);
    EXPECT_NE(version.output.find(THECAVIEW_VERSION), std::string::npos);
    EXPECT_EQ(run("render --help").status, 0);
}

TEST_F(CliTest, UsageErrorsExitTwoWithAReason) {
    const auto unknown = run("--frobnicate");
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.output.find("frobnicate"), std::string::npos);
    const auto size = run("render --out " + (dir_ / "x.png").string() + " --size 12by4");
    EXPECT_EQ(size.status, 2);
    EXPECT_NE(size.output.find("12by4"), std::string::npos);
    EXPECT_EQ(run("render --out " + (dir_ / "x.png").string() + " --size 0x10").status, 2);
    const auto view = run("render --out " + (dir_ / "x.png").string() + " --view kidney");
    EXPECT_EQ(view.status, 2);
    EXPECT_NE(view.output.find("kidney"), std::string::npos);
    EXPECT_EQ(run("render").status, 2);  // --out is required
    EXPECT_FALSE(fs::exists(dir_ / "x.png"));
}

TEST_F(CliTest, RenderRespectsSizeAndWritesOnlyWhatItWasTold) {
    const fs::path png = dir_ / "frame.png";
    const fs::path json = dir_ / "coverage.json";
    std::ofstream(png) << "old contents";  // it overwrites the file it was told to write
    const auto r = run("render --out " + png.string() + " --size 320x200 --coverage " + json.string());
    ASSERT_EQ(r.status, 0) << r.output;
    std::string error;
    const auto image = thecaview::read_png(png, error);
    ASSERT_TRUE(image) << error;
    EXPECT_EQ(image->width, 320);
    EXPECT_EQ(image->height, 200);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
    EXPECT_EQ(files, 2u);
    std::ifstream in(json);
    const auto j = nlohmann::json::parse(in);
    for (const char* key : {"skin", "vertebrae", "discs", "spinal_cord", "csf", "catheter", "pump", "background"}) {
        ASSERT_TRUE(j.contains(key)) << key;
        EXPECT_GT(j[key].get<double>(), 0.0) << key;
    }
}

TEST_F(CliTest, UnwritableOutputFailsCleanly) {
    const auto r = run("render --size 64x64 --out " + (dir_ / "missing" / "frame.png").string());
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.output.find("cannot write"), std::string::npos);
}

TEST_F(CliTest, AnatomyAndViewingOptionsAreCheckedByName) {
    const std::string out = " --out " + (dir_ / "x.png").string();
    const auto tip = run("render" + out + " --tip S2");
    EXPECT_EQ(tip.status, 2);
    EXPECT_NE(tip.output.find("S2 is outside C5 to L2"), std::string::npos) << tip.output;
    const auto hide = run("render" + out + " --hide skin,kidney");
    EXPECT_EQ(hide.status, 2);
    EXPECT_NE(hide.output.find("unknown structure 'kidney'"), std::string::npos) << hide.output;
    EXPECT_EQ(run("render" + out + " --pump 30").status, 2);
    EXPECT_EQ(run("render" + out + " --skin-tone 7").status, 2);
    const auto body = run("render" + out + " --body woman");
    EXPECT_EQ(body.status, 2);
    EXPECT_NE(body.output.find("'woman' is not a body (female or male)"), std::string::npos) << body.output;
    const auto entry = run("render" + out + " --entry L1-L2");
    EXPECT_EQ(entry.status, 2);
    EXPECT_NE(entry.output.find("'L1-L2' is not a needle entry"), std::string::npos) << entry.output;
    EXPECT_EQ(run("render" + out + " --samples 0").status, 2);
    const auto cut = run("render" + out + " --cut-level Q7");
    EXPECT_EQ(cut.status, 2);
    EXPECT_NE(cut.output.find("'Q7' is not a level"), std::string::npos) << cut.output;
    EXPECT_FALSE(fs::exists(dir_ / "x.png"));
}

TEST_F(CliTest, SimulatePrintsTheSpreadAsJson) {
    const auto r = run("simulate --drug morphine --rate 0.5 --hours 2");
    ASSERT_EQ(r.status, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    EXPECT_EQ(j["levels"].size(), 27u);  // cranial, C1 ... S2
    EXPECT_EQ(j["levels"][0], "cranial");
    EXPECT_EQ(j["times_h"].size(), 3u);
    EXPECT_EQ(j["concentration_ug_per_ml"][2].size(), 27u);
    EXPECT_LT(j["mass_balance"]["relative_error"].get<double>(), 1e-9);
    EXPECT_NEAR(j["mass_balance"]["delivered_mg"].get<double>(), 0.5 / 12.0 * 10.0, 1e-9);  // 2 h of 5 mg/day
}

TEST_F(CliTest, SimulateWritesCsvOrJsonFilesAndNothingElse) {
    const fs::path csv = dir_ / "spread.csv";
    const auto r = run("simulate --drug baclofen --rate 0.4 --tip T12 --hours 3 --bolus-mg 0.05 --bolus-minutes 10 --out " +
                       csv.string());
    ASSERT_EQ(r.status, 0) << r.output;
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header.rfind("time_h,cranial,C1,C2,", 0), 0u) << header;
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
    EXPECT_EQ(files, 1u);
}

TEST_F(CliTest, SimulateRejectsImpossibleProgramsWithTheFieldValueAndLimit) {
    const auto slow = run("simulate --drug morphine --rate 0.03");
    EXPECT_EQ(slow.status, 2);
    EXPECT_NE(slow.output.find("--rate = 0.03: is below the pump's minimum flow of 0.048 mL/day"), std::string::npos) << slow.output;
    // Above the published range it runs, marked with the range's source (not refused).
    const auto strong = run("simulate --drug morphine --rate 0.5 --concentration 40");
    EXPECT_EQ(strong.status, 0);
    EXPECT_NE(strong.output.find("above Morphine's published range (up to 25 mg/mL; source: Infumorph-label)"), std::string::npos)
        << strong.output;
    EXPECT_EQ(run("simulate --drug aspirin --rate 0.5").status, 2);
    EXPECT_EQ(run("simulate --drug morphine").status, 2);                          // no rate, no program
    EXPECT_EQ(run("simulate --drug morphine --rate 0.5 --bolus-mg 1").status, 2);  // no bolus minutes
    EXPECT_EQ(run("simulate --drug morphine --rate 0.5 --out x.txt").status, 2);
    const fs::path program = dir_ / "program.json";
    std::ofstream(program) << "{\n  \"drug\": \"morphine\",\n  \"concentration_mg_per_ml\": 10,\n  \"rate_ml_per_day\": 99\n}\n";
    const auto bad = run("simulate --drug morphine --program " + program.string());
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.output.find("program.json:4: "), std::string::npos) << bad.output;
    EXPECT_NE(bad.output.find("maximum flow of 24 mL/day"), std::string::npos) << bad.output;
}

// Every number option refuses what is not a finite number, naming the option (CLI11's own range
// checks let "nan" through).
TEST_F(CliTest, SimulateRefusesNumbersThatAreNotNumbers) {
    const char* cases[][2] = {
        {"--rate nan", "--rate"},
        {"--rate 0.5 --hours nan", "--hours"},
        {"--rate 0.5 --concentration nan", "--concentration"},
        {"--rate 0.5 --bolus-mg nan --bolus-minutes 10", "--bolus-mg"},
        {"--rate 0.5 --bolus-mg 1 --bolus-minutes inf", "--bolus-minutes"},
        {"--rate -inf", "--rate"},
        {"--rate -0", "--rate"},
    };
    for (const auto& c : cases) {
        const auto r = run(std::string("simulate --drug morphine ") + c[0]);
        EXPECT_EQ(r.status, 2) << c[0];
        EXPECT_NE(r.output.find(std::string(c[1]) + ": '"), std::string::npos) << c[0] << ": " << r.output;
    }
    EXPECT_EQ(run("simulate --drug Morphine --rate 0.5 --hours 1").status, 0);  // any case
}

TEST_F(CliTest, RenderRefusesOneFileForThePictureAndTheCoverage) {
    const fs::path png = dir_ / "a.png";
    const auto r = run("render --out " + png.string() + " --coverage " + (dir_ / "." / "a.png").string());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("name the same file"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(png));
}

TEST_F(CliTest, LintContentPassesTheShippedContentAndFailsABrokenOne) {
    const auto shipped = run("lint-content --json");
    ASSERT_EQ(shipped.status, 0) << shipped.output.substr(0, 2000);
    const auto j = nlohmann::json::parse(shipped.output);
    EXPECT_TRUE(j["errors"].empty());
    bool graded = false;
    for (const auto& t : j["texts"]) {
        for (const char* key : {"step", "language", "level", "text", "grade"}) ASSERT_TRUE(t.contains(key)) << key;
        graded = graded || !t["grade"].is_null();
    }
    EXPECT_TRUE(graded);
    fs::create_directories(dir_ / "en");
    std::ofstream(dir_ / "en" / "steps.json") << "{ \"steps\": [ }";
    const auto broken = run("lint-content " + dir_.string());
    EXPECT_EQ(broken.status, 1);
    EXPECT_NE(broken.output.find("steps.json:1"), std::string::npos) << broken.output;
}

TEST_F(CliTest, RenderAStepInALanguageAndLevel) {
    const fs::path png = dir_ / "step.png";
    const auto r = run("render --step 5 --lang es --level student --ui --samples 1 --size 640x360 --out " + png.string());
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(png));
    EXPECT_EQ(run("render --step 5 --lang xx --out " + png.string()).status, 2);
    EXPECT_EQ(run("render --step 5 --level expert --out " + png.string()).status, 2);
}

TEST_F(CliTest, TheViewerStartsOnDefaultsWhatEverIsWrongWithTheConfig) {
    const fs::path bad = dir_ / "config.json";
    std::ofstream(bad) << "{\n  \"mode\": \"disco\",\n  \"font_scale\": 9,\n  \"pin\": \"ab\",\n  \"opening_hours\": 5\n}\n";
    const auto r = run("--config " + bad.string() + " --frames 3");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("config.json:2: mode = \"disco\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("font_scale = 9"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("pin = \"ab\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("opening_hours = 5"), std::string::npos) << r.output;
    std::ofstream(bad, std::ios::trunc) << "{ not json";
    EXPECT_EQ(run("--config " + bad.string() + " --frames 2").status, 0);
    EXPECT_EQ(run("--config " + (dir_ / "missing.json").string() + " --frames 2").status, 0);
    std::ofstream(bad, std::ios::trunc) << R"({"language": "es", "theme": "high_contrast", "font_scale": 1.5, "reduced_motion": true})";
    const auto good = run("--config " + bad.string() + " --frames 3");
    EXPECT_EQ(good.status, 0) << good.output;
    EXPECT_EQ(good.output.find("config:"), std::string::npos) << good.output;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);  // it wrote nothing
}

TEST_F(CliTest, KioskWithAMalformedPinRefusesToStartAndExitsTwo) {
    const fs::path config = dir_ / "config.json";
    std::ofstream(config) << "{\n  \"mode\": \"kiosk\",\n  \"pin\": \"12\"\n}\n";
    const std::string env = "XDG_STATE_HOME=" + dir_.string() + " ";
    const auto r = run_with(env, "--config " + config.string() + " --windowed --frames 3");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("config.json:3: pin = \"12\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("kiosk mode not started"), std::string::npos) << r.output;
    // The same PIN outside kiosk mode only turns operator exit off.
    const auto signage = run_with(env, "--config " + config.string() + " --signage --windowed --window-size 320x200 --frames 3");
    EXPECT_EQ(signage.status, 0) << signage.output;
}

TEST_F(CliTest, KioskWithoutAPinWarnsOnceAndLogsToItsOwnBoundedFile) {
    const std::string env = "XDG_STATE_HOME=" + dir_.string() + " ";
    const auto r = run_with(env, "--config " + (dir_ / "none.json").string() + " --kiosk --windowed --window-size 320x200 --frames 5");
    EXPECT_EQ(r.status, 0) << r.output;
    const auto first = r.output.find("operator exit is off");
    ASSERT_NE(first, std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("operator exit is off", first + 1), std::string::npos) << "warned more than once";
    EXPECT_TRUE(fs::exists(dir_ / "thecaview" / "thecaview.log"));
}

TEST_F(CliTest, LosingTheConfigFileMidRunDoesNotStopTheKiosk) {
    const fs::path config = dir_ / "config.json";
    std::ofstream(config) << R"({"mode": "kiosk", "pin": "4821", "idle_timeout_s": 30})";
    const std::string script = "XDG_STATE_HOME=" + dir_.string() + " " + THECAVIEW_BINARY + " --config " + config.string() +
                               " --windowed --window-size 320x200 --frames 120 & pid=$!; sleep 1; rm " + config.string() +
                               "; wait $pid";
    const auto r = run_shell(script);
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_FALSE(fs::exists(config));
}

// The take-home handout: four pages with the summary, the clinic's numbers (only those the config
// sets), the questions and the glossary, in the language asked for; a medicine by name, no doses.
TEST_F(CliTest, TheHandoutHasItsPagesAndTheClinicsNumbersOnlyWhenSet) {
    const fs::path clinic = dir_ / "clinic.json", none = dir_ / "none.json";
    std::ofstream(clinic) << R"({"care_team_name": "Pain Clinic", "care_team_phone": "555-0100", "emergency_phone": "911"})";
    std::ofstream(none) << "{}";
    const fs::path en = dir_ / "en.pdf", es = dir_ / "es.pdf";
    const auto made = run("handout --out " + en.string() + " --drug morphine --config " + clinic.string());
    ASSERT_EQ(made.status, 0) << made.output;
    EXPECT_NE(made.output.find("4 pages"), std::string::npos) << made.output;
    EXPECT_NE(run_shell("pdfinfo " + en.string()).output.find("Pages:           4"), std::string::npos);
    const std::string text = run_shell("pdftotext -layout " + en.string() + " -").output;
    for (const char* expected : {"Your pain pump: what to remember", "Five things to remember", "When to get help",
                                 "Your care team, Pain Clinic: 555-0100", "Emergency: call 911",
                                 "Emergency: call for help now if you:", "Questions to ask your care team", "Notes",
                                 "Words to know", "Granuloma", "The medicine in your pump: Morphine", "T10"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
    }
    EXPECT_EQ(text.find("At night"), std::string::npos) << "an after-hours number that the config does not set";
    EXPECT_EQ(text.find(" mg"), std::string::npos) << "the handout names an amount of medicine";

    const auto spanish = run("handout --out " + es.string() + " --lang es --config " + none.string());
    ASSERT_EQ(spanish.status, 0) << spanish.output;
    const std::string texto = run_shell("pdftotext " + es.string() + " -").output;
    EXPECT_NE(texto.find("Cuándo pedir ayuda"), std::string::npos);
    EXPECT_NE(texto.find("Emergencia: llame a su número local de emergencias."), std::string::npos);
    EXPECT_NE(texto.find("Tenga siempre a mano el teléfono de su equipo de atención."), std::string::npos);
    EXPECT_EQ(texto.find("555"), std::string::npos);

    // A file it cannot write is reported and nothing is left behind.
    const auto refused = run("handout --out " + (dir_ / "missing" / "h.pdf").string() + " --config " + none.string());
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.output.find("cannot write"), std::string::npos) << refused.output;
    EXPECT_EQ(run("handout --out x.pdf --drug snake-oil --config " + none.string()).status, 2);
}
