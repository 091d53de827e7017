// The kiosk's walk-up cycle and the operator's PIN pad.
#include "core/kiosk.hpp"

#include <gtest/gtest.h>

namespace thecaview {
namespace {

TEST(KioskCycle, StartsOnTheStartScreenAndNeverTimesOutThere) {
    KioskCycle cycle(90.0);
    EXPECT_TRUE(cycle.on_start_screen());
    for (int i = 0; i < 1000; ++i) EXPECT_FALSE(cycle.tick(1.0, false));
    EXPECT_TRUE(cycle.on_start_screen());
}

TEST(KioskCycle, AVisitEndsAfterTheIdleTimeoutOnce) {
    KioskCycle cycle(90.0);
    cycle.start_visit();
    EXPECT_FALSE(cycle.on_start_screen());
    EXPECT_FALSE(cycle.tick(89.0, false));
    EXPECT_NEAR(cycle.seconds_left(), 1.0, 1e-9);
    EXPECT_TRUE(cycle.tick(1.0, false));
    EXPECT_TRUE(cycle.on_start_screen());
    EXPECT_FALSE(cycle.tick(200.0, false));
}

TEST(KioskCycle, InputKeepsTheVisitGoing) {
    KioskCycle cycle(90.0);
    cycle.start_visit();
    for (int i = 0; i < 100; ++i) {
        EXPECT_FALSE(cycle.tick(80.0, false));
        EXPECT_FALSE(cycle.tick(0.1, true));
    }
    EXPECT_FALSE(cycle.on_start_screen());
}

TEST(PinPad, OffWithoutAPin) {
    PinPad pad("");
    EXPECT_FALSE(pad.enabled());
    pad.open();
    EXPECT_FALSE(pad.is_open());
}

TEST(PinPad, TheRightPinIsAccepted) {
    PinPad pad("2468");
    pad.open();
    for (char c : std::string("2468")) pad.type(c);
    EXPECT_EQ(pad.submit(), PinPad::Result::accepted);
    EXPECT_FALSE(pad.is_open());
}

TEST(PinPad, OnlyDigitsUpToEightAreTyped) {
    PinPad pad("12345678");
    pad.open();
    for (char c : std::string("12a345678999")) pad.type(c);
    EXPECT_EQ(pad.typed_digits(), 8u);
    EXPECT_EQ(pad.submit(), PinPad::Result::accepted);
}

TEST(PinPad, ErasingTakesTheLastDigitBack) {
    PinPad pad("1234");
    pad.open();
    for (char c : std::string("1235")) pad.type(c);
    pad.erase();
    pad.type('4');
    EXPECT_EQ(pad.submit(), PinPad::Result::accepted);
}

TEST(PinPad, ThreeWrongPinsLockThePadForAMinute) {
    PinPad pad("1234");
    pad.open();
    pad.type('9');
    EXPECT_EQ(pad.submit(), PinPad::Result::wrong);
    EXPECT_EQ(pad.tries_left(), 2);
    EXPECT_EQ(pad.submit(), PinPad::Result::wrong);
    EXPECT_EQ(pad.submit(), PinPad::Result::locked);
    EXPECT_TRUE(pad.locked());
    for (char c : std::string("1234")) pad.type(c);  // ignored while locked
    EXPECT_EQ(pad.submit(), PinPad::Result::locked);
    pad.tick(PinPad::kLockoutS, true);
    EXPECT_FALSE(pad.locked());
    for (char c : std::string("1234")) pad.type(c);
    EXPECT_EQ(pad.submit(), PinPad::Result::accepted);
}

TEST(PinPad, AnUntouchedPadClosesAndForgetsWhatWasTyped) {
    PinPad pad("1234");
    pad.open();
    pad.type('1');
    pad.tick(PinPad::kCloseAfterS - 1.0, false);
    EXPECT_TRUE(pad.is_open());
    pad.tick(1.0, false);
    EXPECT_FALSE(pad.is_open());
    pad.open();
    EXPECT_EQ(pad.typed_digits(), 0u);
}

// Time in which the visit plays by itself (autoplay, the drug's days, a flight) is watched, not idle.
TEST(KioskCycle, TimeWhileSomethingPlaysIsNotIdle) {
    KioskCycle k(30.0);
    k.start_visit();
    for (int i = 0; i < 1000; ++i) EXPECT_FALSE(k.tick(0.1, false, true));  // 100 s of watching
    EXPECT_DOUBLE_EQ(k.idle_s(), 0.0);
    EXPECT_FALSE(k.tick(20.0, false, false));
    EXPECT_FALSE(k.tick(5.0, false, true));   // playing again: the clock holds
    EXPECT_DOUBLE_EQ(k.idle_s(), 20.0);
    EXPECT_TRUE(k.tick(10.0, false, false));  // 30 s of nothing: back to the start screen
    EXPECT_TRUE(k.on_start_screen());
}

}  // namespace
}  // namespace thecaview
