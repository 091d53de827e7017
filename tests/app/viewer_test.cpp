// The viewer's modes, driven frame by frame under Xvfb: the kiosk's idle reset and its refusal to
// close, signage with no input and its dark hours, and the window-system edge cases.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <thread>

#include <GLFW/glfw3.h>

#include "core/geometry/mesh_cache.hpp"
#include "core/signage.hpp"
#include "viewer_fixture.hpp"
#include "render/png.hpp"
#include "window_manager.hpp"

namespace thecaview::testing {
namespace {

// A visitor who changes everything they can.
PanelActions every_choice() {
    PanelActions a;
    a.select_step = 5;
    a.go_to_view = "tip";
    a.visible_mask = all_structures_mask() & ~bit(Structure::skin);
    a.xray_mask = bit(Structure::vertebrae);
    CutSettings cut;
    cut.kind = CutKind::axial;
    cut.level_index = 10.0f;
    a.cut = cut;
    a.anatomy = AnatomyOptions{Level::C5, Interspace{Level::L2}, 40};
    a.level_markers = true;
    a.structure_labels = true;
    DrugViewState drug;
    drug.shown = true;
    drug.drug = "hydromorphone";
    drug.rate_ml_per_day = 0.8;
    drug.bolus = SingleBolus{0.1, 30.0, 2.0};
    drug.relief = true;
    drug.playing = true;
    a.drug = drug;
    a.audience = Audience::student;
    a.autoplay = true;
    return a;
}

using KioskTest = ViewerFixture;

TEST_F(KioskTest, StartsOnTheStartScreenPlayingTheTour) {
    open(Mode::kiosk);
    ASSERT_TRUE(run(45.0));
    EXPECT_TRUE(viewer->on_start_screen());
    EXPECT_GT(viewer->state().step, 0) << "the attract loop moves through the steps by itself";
    EXPECT_EQ(viewer->state().audience, Audience::patient);
}

// A visitor who walks away from an open question: the question waits its reading time, then the
// idle clock runs and the reset wipes the answers with everything else.
// A kiosk whose visit has started, with a short idle timeout; frames_until_reset() runs frames
// with nobody there until the start screen is back (or `limit` frames of 0.1 s), and counts them.
class KioskVisitTest : public ViewerFixture {
protected:
    void SetUp() override {
        Config config;
        config.idle_timeout_s = 20.0;
        open(Mode::kiosk, 320, 200, config);
        SimulatedInput start;
        start.start_visit = true;
        ASSERT_TRUE(once(start));
    }
    int frames_until_reset(int limit) {
        int frames = 0;
        while (!viewer->on_start_screen() && frames < limit && once({})) ++frames;
        return frames;
    }
};

TEST_F(KioskVisitTest, AQuestionLeftOpenIsWipedByTheIdleReset) {
    SimulatedInput tap;
    tap.touch = true;
    tap.actions.select_step = 1;  // the trial
    ASSERT_TRUE(once(tap));
    tap.actions.select_step = 2;  // Next: the trial's questions first
    ASSERT_TRUE(once(tap));
    ASSERT_TRUE(viewer->state().quiz);
    EXPECT_EQ(viewer->state().step, 1);
    tap.actions = {};
    tap.actions.quiz_choice = 0;
    ASSERT_TRUE(once(tap));
    ASSERT_TRUE(viewer->state().quiz->chosen);
    const int frames = frames_until_reset(2000);
    ASSERT_TRUE(viewer->on_start_screen()) << "a question left open kept the kiosk from starting over";
    EXPECT_GT(frames * 0.1, 20.0) << "the answer's explanation is read before the idle clock runs";
    EXPECT_FALSE(viewer->state().quiz);
    EXPECT_TRUE(viewer->state().quizzes_asked.empty());
}

// The tour on autoplay stops at a question; if nobody answers, the kiosk starts over after the
// question's reading time and the idle timeout, instead of waiting forever.
TEST_F(KioskVisitTest, ATourWaitingAtAnUnansweredQuestionStartsOver) {
    SimulatedInput play;
    play.touch = true;
    play.actions.autoplay = true;
    play.actions.select_step = 1;  // the trial, whose questions follow it
    ASSERT_TRUE(once(play));
    const int frames = frames_until_reset(5000);
    ASSERT_TRUE(viewer->on_start_screen()) << "the kiosk waited at a question for good";
    EXPECT_LT(frames * 0.1, 200.0);
}

TEST_F(KioskTest, IdleResetClearsEveryChoice) {
    Config config;
    config.idle_timeout_s = 30.0;
    open(Mode::kiosk, 320, 200, config);
    const ViewerState attract = viewer->initial_state();
    SimulatedInput start;
    start.start_language = "es";
    ASSERT_TRUE(once(start));
    start = {};
    start.start_visit = true;
    ASSERT_TRUE(once(start));
    ASSERT_FALSE(viewer->on_start_screen());
    SimulatedInput visitor;
    visitor.actions = every_choice();
    ASSERT_TRUE(once(visitor));
    visitor.actions = {};
    visitor.actions.language = "es";
    visitor.touch = true;
    ASSERT_TRUE(run(5.0, 0.1, visitor));
    // Before walking away they pause the tour and the drug's days: from then on nothing plays.
    SimulatedInput pause;
    pause.touch = true;
    pause.actions.autoplay = false;
    DrugViewState paused = viewer->state().drug;
    paused.playing = false;
    pause.actions.drug = paused;
    ASSERT_TRUE(once(pause));
    const ViewerState& used = viewer->state();
    ASSERT_EQ(used.language, "es");
    ASSERT_TRUE(used.drug.shown);
    ASSERT_EQ(used.anatomy.catheter_tip, Level::C5);
    ASSERT_NE(viewer->session().spread, nullptr);

    // Nobody there: frames go on until the visit times out.
    int frames = 0;
    while (!viewer->on_start_screen() && frames < 1000) {
        ASSERT_TRUE(once({}));
        ++frames;
    }
    ASSERT_TRUE(viewer->on_start_screen()) << "the visit never timed out";
    EXPECT_NEAR(frames * 0.1, 30.0, 0.25);
    EXPECT_TRUE(viewer->state() == attract) << "a choice survived the reset";
    EXPECT_EQ(viewer->state().language, "en");
    EXPECT_EQ(viewer->session().spread, nullptr);
    EXPECT_TRUE(viewer->session().program_message.empty());
    EXPECT_EQ(viewer->session().anatomy.options, AnatomyOptions{});
    EXPECT_NE(log_text.str().find("choices are forgotten"), std::string::npos);
    ASSERT_TRUE(run(2.0));  // and it carries on
}

// A visitor watching the tour without touching is not idle: the visit lasts while the tour plays,
// the tour stops at its last step, and only then does the idle clock run out.
TEST_F(KioskTest, WatchingTheTourIsNotIdle) {
    Config config;
    config.idle_timeout_s = 30.0;
    open(Mode::kiosk, 320, 200, config);
    SimulatedInput start;
    start.start_visit = true;
    ASSERT_TRUE(once(start));
    ASSERT_FALSE(viewer->on_start_screen());
    SimulatedInput play;
    play.touch = true;
    play.actions.autoplay = true;
    play.actions.select_step = 0;
    ASSERT_TRUE(once(play));
    double watched = 0.0;
    while (viewer->state().autoplay && watched < 1200.0) {
        // The tour waits at each step's questions; here they are passed over without a touch (a
        // question nobody answers: KioskVisitTest.AQuestionLeftOpenIsWipedByTheIdleReset).
        SimulatedInput skip;
        skip.actions.quiz_next = viewer->state().quiz.has_value();
        ASSERT_TRUE(once(skip));
        watched += 0.1;
        ASSERT_FALSE(viewer->on_start_screen()) << "reset after " << watched << " s of watching, at step " << viewer->state().step + 1;
    }
    EXPECT_GT(watched, 60.0) << "the tour should take longer than the idle timeout";
    EXPECT_FALSE(viewer->state().autoplay) << "the tour should stop at its end";
    EXPECT_EQ(viewer->state().step + 1, static_cast<int>(content_for(viewer->session(), viewer->state()).steps.size()));
    int frames = 0;
    while (!viewer->on_start_screen() && frames < 1000) {
        ASSERT_TRUE(once({}));
        ++frames;
    }
    EXPECT_NEAR(frames * 0.1, 30.0, 0.25) << "the idle timeout counts from the end of the tour";
}

// A kiosk visit with this printer command (none: no printing), the handout made by the real app.
class KioskPrintTest : public ViewerFixture {
protected:
    void visit(std::vector<std::string> printer) {
        Config config;
        config.printer_command = std::move(printer);
        ViewerOptions options;
        options.program = THECAVIEW_BINARY;
        open(Mode::kiosk, 320, 200, config, options);
        SimulatedInput start;
        start.start_visit = true;
        ASSERT_TRUE(once(start));
    }
};

// The kiosk prints with the config's printer command, run as an argument list with the PDF last
// (here `cp -t DIR`: the "printer" is a folder), once a visit; the PDF, its own file, is then
// removed; the next visitor may print again.
TEST_F(KioskPrintTest, PrintsOneHandoutAVisitWithThePrinterCommand) {
    const auto printed = std::filesystem::temp_directory_path() / "thecaview-kiosk-printer";
    std::filesystem::remove_all(printed);
    std::filesystem::create_directories(printed);
    visit({"cp", "-t", printed.string()});
    ASSERT_TRUE(once(ask_for_handout("get-help")));
    ASSERT_TRUE(wait_for_handout());
    ASSERT_EQ(viewer->handout().state(), HandoutJob::State::printed) << viewer->handout().error();
    std::vector<std::filesystem::path> copies;
    for (const auto& e : std::filesystem::directory_iterator(printed)) copies.push_back(e.path());
    ASSERT_EQ(copies.size(), 1u);
    EXPECT_EQ(copies[0].extension(), ".pdf");
    EXPECT_GT(std::filesystem::file_size(copies[0]), 10000u);
    EXPECT_FALSE(std::filesystem::exists(viewer->handout().file())) << "the kiosk keeps no copy";
    ASSERT_TRUE(once(ask_for_handout("get-help")));  // a second press in the same visit prints nothing
    EXPECT_EQ(viewer->handout().state(), HandoutJob::State::printed);
    while (!viewer->on_start_screen() && now < 400.0) ASSERT_TRUE(once({}));  // the visitor leaves
    EXPECT_EQ(viewer->handout().state(), HandoutJob::State::idle) << "the next visitor may print";
    std::filesystem::remove_all(printed);
}

TEST_F(KioskPrintTest, WithoutAPrinterCommandNothingIsPrinted) {
    visit({});
    ASSERT_TRUE(once(ask_for_handout("get-help")));
    EXPECT_EQ(viewer->handout().state(), HandoutJob::State::idle);
}

// A printer that fails is reported in the log, and the visitor is asked to see the staff.
TEST_F(KioskPrintTest, APrinterThatFailsIsReported) {
    visit({"false"});
    ASSERT_TRUE(once(ask_for_handout("summary")));
    ASSERT_TRUE(wait_for_handout());
    EXPECT_EQ(viewer->handout().state(), HandoutJob::State::failed);
    EXPECT_NE(log_text.str().find("false did not print it (exit status 1)"), std::string::npos) << log_text.str();
    EXPECT_FALSE(std::filesystem::exists(viewer->handout().file()));
}

TEST_F(KioskTest, IgnoresTheWindowCloseRequest) {
    open(Mode::kiosk);
    ASSERT_TRUE(run(0.5));
    send_close_request(viewer->window());
    ASSERT_TRUE(run(1.0)) << "the kiosk stopped on a close request";
    EXPECT_FALSE(glfwWindowShouldClose(viewer->window()));
    EXPECT_NE(log_text.str().find("refused a request to close"), std::string::npos);
}

TEST_F(KioskTest, TheSameCloseRequestClosesTheClassroomWindow) {
    open(Mode::classroom);
    ASSERT_TRUE(run(0.5));
    send_close_request(viewer->window());
    EXPECT_FALSE(run(1.0)) << "the request never reached the window, so the kiosk test proves nothing";
}

TEST_F(KioskTest, FillsTheMonitorAndFallsBackToThePrimaryOneWhenAskedForAMissingOne) {
    Config config;
    config.monitor = 3;
    windowed = false;
    open(Mode::kiosk, 320, 200, config);
    ASSERT_TRUE(run(0.3));
    int count = 0;
    const GLFWvidmode* mode = glfwGetVideoMode(glfwGetMonitors(&count)[0]);
    int w = 0, h = 0;
    glfwGetWindowSize(viewer->window(), &w, &h);
    EXPECT_EQ(w, mode->width);
    EXPECT_EQ(h, mode->height);
    EXPECT_NE(glfwGetWindowMonitor(viewer->window()), nullptr) << "not full screen";
    EXPECT_NE(log_text.str().find("monitor 3 is not connected (" + std::to_string(count) + " found)"), std::string::npos)
        << log_text.str();
}

TEST_F(KioskTest, SurvivesMinimiseRestoreAndATinyWindow) {
    open(Mode::kiosk);
    ASSERT_TRUE(run(0.5));
    glfwIconifyWindow(viewer->window());
    ASSERT_TRUE(run(0.5));
    glfwRestoreWindow(viewer->window());
    ASSERT_TRUE(run(0.5));
    glfwSetWindowSize(viewer->window(), 1, 1);
    ASSERT_TRUE(run(0.5));
    glfwSetWindowSize(viewer->window(), 320, 200);
    ASSERT_TRUE(run(0.5));
    EXPECT_EQ(drain_gl_errors(), "");
}

class SignageTest : public ViewerFixture {
protected:
    // Whether the screen comes to satisfy `shown` within about 15 s of frames: the software
    // renderer's image reaches the X server asynchronously, later on a loaded machine.
    bool screen_becomes(const std::function<bool(int brightest)>& shown) {
        for (int i = 0; i < 60; ++i) {
            if (!run(0.2)) return false;
            if (shown(brightest_on_screen(viewer->window()))) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        return false;
    }
};

TEST_F(SignageTest, LoopsThroughTheTourWithNoInput) {
    open(Mode::signage);
    const int steps = static_cast<int>(content_for(viewer->session(), viewer->state()).steps.size());
    int changes = 0;
    int last = viewer->state().step;
    bool wrapped = false;
    for (int i = 0; i < 1800 && !wrapped; ++i) {  // up to 15 minutes in 0.5 s frames
        now += 0.5;
        ASSERT_TRUE(viewer->frame(now));  // the real input path: nobody touches anything
        if (viewer->state().step != last) {
            ++changes;
            wrapped = viewer->state().step < last;
            last = viewer->state().step;
        }
    }
    EXPECT_TRUE(wrapped) << "the loop never went back to the first step";
    int w = 0, h = 0;
    glfwGetFramebufferSize(viewer->window(), &w, &h);
    EXPECT_GE(viewer->caption_px(), 0.04f * static_cast<float>(h)) << "captions must be readable from 3 m";
    EXPECT_GE(changes, steps);
    EXPECT_EQ(drain_gl_errors(), "");
}

TEST_F(SignageTest, GoesDarkOutsideOpeningHoursAndComesBack) {
    Config config;
    const int minute = local_minute_of_day(wall_clock);
    config.opening_hours = OpeningHours{minute, (minute + 60) % 1440};  // open for the next hour
    open(Mode::signage, 320, 200, config);
    const auto lit = [](int v) { return v > 40; };
    const auto black = [](int v) { return v == 0; };
    ASSERT_TRUE(screen_becomes(lit)) << "the tour should show while open";
    EXPECT_FALSE(viewer->dark());
    wall_clock += std::chrono::minutes(61);  // closed
    EXPECT_TRUE(screen_becomes(black)) << "the screen should be black while closed";
    EXPECT_TRUE(viewer->dark());
    wall_clock += std::chrono::hours(23);  // the next day, open again
    EXPECT_TRUE(screen_becomes(lit)) << "the tour should show again when it opens";
    EXPECT_FALSE(viewer->dark());
}

}  // namespace
}  // namespace thecaview::testing

namespace thecaview::testing {
namespace {

class ClassroomTest : public ViewerFixture {
protected:
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() /
              ("thecaview-classroom-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(dir);
        options.state_file = dir / "state" / "state.json";
        options.pictures_dir = dir / "Pictures";
    }
    void TearDown() override {
        ViewerFixture::TearDown();
        std::filesystem::remove_all(dir);
    }
    std::filesystem::path dir;
    ViewerOptions options;
};

TEST_F(ClassroomTest, StartsAtTheStudentLevelAndWritesNothingUnasked) {
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(run(1.0));
    EXPECT_EQ(viewer->state().audience, Audience::student);
    EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST_F(ClassroomTest, ScreenshotsGoToThePicturesFolderWithATimestampAndNeverOverwrite) {
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(run(3.0));  // the view settles: the screenshot copies out the cached image
    SimulatedInput shot;
    shot.screenshot = true;
    ASSERT_TRUE(once(shot));
    ASSERT_TRUE(once(shot));  // the same second: a second name, not an overwrite
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(options.pictures_dir)) files.push_back(e.path());
    ASSERT_EQ(files.size(), 2u);
    std::sort(files.begin(), files.end());
    EXPECT_TRUE(files[0].filename().string().starts_with("Thecaview 20")) << files[0];
    EXPECT_EQ(files[0].extension(), ".png");
    EXPECT_GT(std::filesystem::file_size(files[0]), 1000u);
    // The whole window as shown, panel included: the white text of its buttons at the top left.
    std::string error;
    const auto image = read_png(files[0], error);
    ASSERT_TRUE(image) << error;
    EXPECT_EQ(image->width, 320);
    EXPECT_EQ(image->height, 200);
    int bright = 0;
    for (int y = 0; y < 60; ++y) {
        for (int x = 0; x < 60; ++x) {
            const std::uint8_t* p = &image->rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image->width) + static_cast<std::size_t>(x)) * 4];
            bright += p[0] > 200 && p[1] > 200 && p[2] > 200;
        }
    }
    EXPECT_GT(bright, 20) << "no panel text in the screenshot's top left";
}

// "Save the handout" on the summary: `thecaview handout` makes the PDF in a child process while
// frames go on, into the documents folder under a new name each time.
TEST_F(ClassroomTest, SavesTheHandoutToTheDocumentsFolderWithoutOverwriting) {
    options.documents_dir = dir / "Documents";
    options.program = THECAVIEW_BINARY;
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(once(ask_for_handout("summary")));
    EXPECT_TRUE(viewer->handout().busy());
    ASSERT_TRUE(wait_for_handout());
    ASSERT_EQ(viewer->handout().state(), HandoutJob::State::saved) << viewer->handout().error();
    const auto first = viewer->handout().file();
    EXPECT_EQ(first.parent_path(), options.documents_dir);
    EXPECT_TRUE(first.filename().string().starts_with("Thecaview handout 20")) << first;
    std::ifstream pdf(first, std::ios::binary);
    std::string magic(5, '\0');
    pdf.read(magic.data(), 5);
    EXPECT_EQ(magic, "%PDF-");
    ASSERT_TRUE(once(ask_for_handout("questions")));  // the same second: another name
    ASSERT_TRUE(wait_for_handout());
    EXPECT_NE(viewer->handout().file(), first);
    EXPECT_TRUE(std::filesystem::exists(first)) << "the first handout is kept";
    EXPECT_NE(log_text.str().find("handout: saved"), std::string::npos) << log_text.str();
}

// A step that does not offer the handout makes none.
TEST_F(ClassroomTest, OnlyTheLastStepsOfferTheHandout) {
    options.documents_dir = dir / "Documents";
    options.program = THECAVIEW_BINARY;
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(once(ask_for_handout("trial")));
    EXPECT_EQ(viewer->handout().state(), HandoutJob::State::idle);
    EXPECT_FALSE(std::filesystem::exists(options.documents_dir));
}

// A still picture with all its samples in: frames with nothing new draw no pass and swap nothing;
// a change of the overlay alone (the level markers) costs one copy of the cached image.
TEST_F(ClassroomTest, AFrameWithNothingNewDoesNoGlWork) {
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(run(3.0));  // the view settles and its samples gather
    const Renderer& renderer = viewer->session().renderer;
    // On a loaded machine the last samples may still be coming in: wait for a quiet second.
    for (int i = 0, before = -1; i < 10 && static_cast<int>(renderer.passes_drawn()) != before; ++i) {
        before = static_cast<int>(renderer.passes_drawn());
        ASSERT_TRUE(run(1.0));
    }
    const std::size_t passes = renderer.passes_drawn();
    const std::uint64_t gl_frames = viewer->gl_frames();
    ASSERT_TRUE(run(1.0));  // ten frames without input
    EXPECT_EQ(renderer.passes_drawn(), passes) << "an idle frame drew GL passes";
    EXPECT_EQ(viewer->gl_frames(), gl_frames) << "an idle frame drew and swapped";

    SimulatedInput markers;
    markers.actions.level_markers = true;
    ASSERT_TRUE(once(markers));
    EXPECT_EQ(renderer.passes_drawn(), passes + 1) << "the overlay alone should cost one copy of the image";
    EXPECT_EQ(viewer->gl_frames(), gl_frames + 1);
    ASSERT_TRUE(run(1.0));
    EXPECT_EQ(viewer->gl_frames(), gl_frames + 1) << "drawing went on after the overlay settled";
}

// Another pump size is meshed and baked in the background: frames go on with the old body and a
// progress box, and the new body takes over once it is ready. A new tip comes at once.
TEST_F(ClassroomTest, AnotherPumpIsBakedInTheBackgroundWhileFramesGoOn) {
    const auto cache = dir / "cache";  // empty: the 40 mL body must be baked
    const char* old_cache = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old_cache ? old_cache : "";
    ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(run(0.5));
    SimulatedInput bigger;
    bigger.actions.anatomy = AnatomyOptions{Level::T10, Interspace{Level::L3}, 40};
    ASSERT_TRUE(once(bigger));
    const Session& s = viewer->session();
    ASSERT_TRUE(s.pending_body) << "the bake should run in the background";
    EXPECT_EQ(s.anatomy.options.pump_reservoir_ml, 20) << "the old body is drawn until the new one is ready";
    int frames = 0;
    for (const auto start = std::chrono::steady_clock::now();
         s.pending_body && std::chrono::steady_clock::now() - start < std::chrono::minutes(2); ++frames) {
        ASSERT_TRUE(once({}));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_FALSE(s.pending_body) << "the bake did not finish";
    EXPECT_GT(frames, 3) << "frames should go on while the body is baked";
    EXPECT_EQ(s.anatomy.options.pump_reservoir_ml, 40);
    EXPECT_EQ(s.meshes.parts.size(), static_cast<std::size_t>(kStructureCount));
    EXPECT_TRUE(std::filesystem::exists(cache / "thecaview" / mesh_cache_name(s.anatomy.options)));

    SimulatedInput higher;  // the same pump, another tip: only the catheter, at once
    higher.actions.anatomy = AnatomyOptions{Level::T6, Interspace{Level::L3}, 40};
    ASSERT_TRUE(once(higher));
    EXPECT_FALSE(s.pending_body);
    EXPECT_EQ(s.anatomy.options.catheter_tip, Level::T6);
    viewer.reset();
    if (old_cache) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CACHE_HOME");
}

TEST_F(ClassroomTest, RemembersItsPreferencesInTheStateFile) {
    open(Mode::classroom, 320, 200, {}, options);
    SimulatedInput change;
    change.actions.language = "es";
    change.actions.audience = Audience::patient;
    change.actions.level_markers = true;
    change.presenter_font = true;
    ASSERT_TRUE(once(change));
    ASSERT_TRUE(run(0.3));
    ASSERT_TRUE(std::filesystem::exists(options.state_file));
    const auto saved = load_preferences(options.state_file);
    EXPECT_TRUE(saved.errors.empty());
    EXPECT_EQ(saved.preferences.language, "es");
    EXPECT_TRUE(saved.preferences.presenter_font);
    viewer.reset();
    open(Mode::classroom, 320, 200, {}, options);
    ASSERT_TRUE(run(0.3));
    EXPECT_EQ(viewer->state().language, "es");
    EXPECT_EQ(viewer->state().audience, Audience::patient);
    EXPECT_TRUE(viewer->state().level_markers);
}

}  // namespace
}  // namespace thecaview::testing

namespace thecaview::testing {
namespace {

using OperatorExitTest = ViewerFixture;

TEST_F(OperatorExitTest, TheChordAndTheRightPinExitWithStatusZero) {
    Config config;
    config.pin = "4821";
    open(Mode::kiosk, 320, 200, config);
    ASSERT_TRUE(run(0.5));
    SimulatedInput chord;
    chord.operator_chord = true;
    ASSERT_TRUE(once(chord));
    SimulatedInput wrong;
    wrong.pin_keys = "1111\n";
    ASSERT_TRUE(once(wrong)) << "a wrong PIN must not exit";
    ASSERT_TRUE(run(1.0));
    SimulatedInput right;
    right.pin_keys = "4821\n";
    EXPECT_FALSE(once(right)) << "the right PIN should stop the kiosk";
    EXPECT_EQ(viewer->exit_code(), 0);
    EXPECT_NE(log_text.str().find("operator exit with the PIN"), std::string::npos);
}

TEST_F(OperatorExitTest, WorksOnADarkSignageScreen) {
    Config config;
    config.pin = "123456";
    const int minute = local_minute_of_day(wall_clock);
    config.opening_hours = OpeningHours{(minute + 60) % 1440, (minute + 120) % 1440};  // closed now
    open(Mode::signage, 320, 200, config);
    ASSERT_TRUE(run(0.5));
    ASSERT_TRUE(viewer->dark());
    SimulatedInput chord;
    chord.operator_chord = true;
    ASSERT_TRUE(once(chord));
    SimulatedInput pin;
    pin.pin_keys = "123456\n";
    EXPECT_FALSE(once(pin)) << "the operator could not leave while the screen was dark";
    EXPECT_EQ(viewer->exit_code(), 0);
}

TEST_F(OperatorExitTest, WithoutAPinTheChordDoesNothing) {
    open(Mode::kiosk);
    SimulatedInput chord;
    chord.operator_chord = true;
    chord.pin_keys = "0000\n";
    ASSERT_TRUE(once(chord));
    ASSERT_TRUE(run(1.0));
    EXPECT_NE(log_text.str().find("operator exit is off"), std::string::npos);
}

}  // namespace
}  // namespace thecaview::testing
