// The command line, run as a process: help, version, exit codes, --size, and what it writes.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>
#include <stb_image.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr
};

Run run(const std::string& args) {
    Run r;
    const std::string command = std::string(THECAVIEW_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) r.output += buffer;
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

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
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 4);
    ASSERT_NE(pixels, nullptr);
    stbi_image_free(pixels);
    EXPECT_EQ(w, 320);
    EXPECT_EQ(h, 200);
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
    EXPECT_EQ(run("render" + out + " --samples 0").status, 2);
    const auto cut = run("render" + out + " --cut-level Q7");
    EXPECT_EQ(cut.status, 2);
    EXPECT_NE(cut.output.find("'Q7' is not a level"), std::string::npos) << cut.output;
    EXPECT_FALSE(fs::exists(dir_ / "x.png"));
}
