// Programs run from argument lists: nothing in them is read by a shell, exit statuses come back,
// a missing program is named, and one still running is stopped when its handle goes.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "core/child_process.hpp"
#include "core/handout.hpp"

using namespace thecaview;

TEST(ChildProcess, ArgumentsAreNeverReadByAShell) {
    const auto dir = std::filesystem::temp_directory_path() / "thecaview_child_process_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string name = "a b; touch pwned $(touch pwned2) `touch pwned3` 'q' \"x\"";
    std::string error;
    auto child = ChildProcess::start({"touch", (dir / name).string()}, error);
    ASSERT_TRUE(child) << error;
    EXPECT_EQ(child->wait(), 0);
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << "one file, named exactly as given";
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1);
    EXPECT_FALSE(std::filesystem::exists("pwned"));
    std::filesystem::remove_all(dir);
}

TEST(ChildProcess, ExitStatusesComeBackAndAMissingProgramIsNamed) {
    std::string error;
    auto ok = ChildProcess::start({"true"}, error);
    ASSERT_TRUE(ok) << error;
    EXPECT_EQ(ok->wait(), 0);
    auto failed = ChildProcess::start({"false"}, error);
    ASSERT_TRUE(failed) << error;
    EXPECT_EQ(failed->wait(), 1);
    EXPECT_EQ(failed->poll(), 1) << "the status stays";
    EXPECT_FALSE(ChildProcess::start({"thecaview-no-such-program"}, error));
    EXPECT_NE(error.find("cannot start thecaview-no-such-program"), std::string::npos) << error;
    EXPECT_FALSE(ChildProcess::start({}, error));
}

TEST(ChildProcess, PollingDoesNotWaitAndARunningOneIsStoppedWhenItsHandleGoes) {
    std::string error;
    auto child = ChildProcess::start({"sleep", "30"}, error);
    ASSERT_TRUE(child) << error;
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(child->poll());
    child.reset();  // SIGTERM and reaped, not waited out
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
}

// What the viewer runs to make a handout and to print it.
TEST(Handout, TheViewerMakesItWithTheHandoutCommandAndPrintsItWithTheFileLast) {
    HandoutOptions o;
    o.audience = Audience::patient;
    o.tip = Level::T8;
    o.pump_ml = 40;
    EXPECT_EQ(handout_arguments("/opt/thecaview", "/tmp/h.pdf", "es", o, {}),
              (std::vector<std::string>{"/opt/thecaview", "handout", "--out", "/tmp/h.pdf", "--lang", "es", "--level",
                                        "patient", "--tip", "T8", "--pump", "40"}));
    o.drug = "baclofen";
    const auto args = handout_arguments("thecaview", "h.pdf", "en", o, "/etc/thecaview/config.json");
    EXPECT_EQ(std::vector<std::string>(args.end() - 4, args.end()),
              (std::vector<std::string>{"--drug", "baclofen", "--config", "/etc/thecaview/config.json"}));
    EXPECT_EQ(print_arguments({"lp", "-d", "lobby"}, "/var/cache/h 1.pdf"),
              (std::vector<std::string>{"lp", "-d", "lobby", "/var/cache/h 1.pdf"}));
    ProcedureStep step;
    for (const char* id : {"summary", "get-help", "questions"}) {
        step.id = id;
        EXPECT_TRUE(offers_handout(step)) << id;
    }
    step.id = "trial";
    EXPECT_FALSE(offers_handout(step));
}
