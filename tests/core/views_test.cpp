// The named views as data (assets/views.json) and their framing: every view holds its whole
// subject, centred, with its margin, on a wide, a 4:3 and a portrait picture, upright or lying.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

#include "core/geometry/view_subjects.hpp"
#include "core/procedure_pose.hpp"
#include "core/scene_view.hpp"
#include "core/viewer_state.hpp"
#include "core/views.hpp"

using namespace thecaview;

namespace {
bool has_error(const InputErrors& errors, const std::string& field, const std::string& words) {
    return std::any_of(errors.begin(), errors.end(), [&](const InputError& e) {
        return e.field == field && e.to_string().find(words) != std::string::npos;
    });
}

std::string one_view(const std::string& fields) {
    return R"({"views": [{"name": "v", )" + fields + "}]}";
}

// Points of the subject found independently of subject_points: random points in the structure's
// box kept where its distance map says inside, and tubes by points on their surfaces; with the
// arms forward (the lateral pose), what they carry posed with them.
std::vector<glm::vec3> independent_sample(const BodyShape& shape, const ViewSpec& spec, float arms_forward_rad = 0.0f) {
    float pad = 0.0f;
    const auto band = subject_points(shape, spec, pad);  // only for the band's heights
    float y_lo = 1e9f, y_hi = -1e9f;
    for (const glm::vec3& p : band) {
        y_lo = std::min(y_lo, p.y);
        y_hi = std::max(y_hi, p.y);
    }
    std::mt19937 random(7);
    std::vector<glm::vec3> out;
    for (const StructureInfo& info : structures()) {
        if (!(spec.subject & bit(info.id))) continue;
        if (!shape.tubes(info.id).empty()) {
            for (const CapsuleChain& c : shape.tubes(info.id)) {
                for (const glm::vec3 p : c.points_mm) {
                    if (p.y < y_lo - 5.0f || p.y > y_hi + 5.0f) continue;
                    for (const glm::vec3 d : {glm::vec3(1, 0, 0), glm::vec3(-1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, 0, -1)}) {
                        out.push_back(p + d * c.radius_mm);
                        if (c.mirrored) out.emplace_back(-p.x - d.x * c.radius_mm, p.y, p.z + d.z * c.radius_mm);
                    }
                }
            }
            continue;
        }
        const Box3 box = shape.bounds(info.id);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        for (int i = 0; i < 150000; ++i) {
            const glm::vec3 p = box.lo + glm::vec3(u(random), u(random), u(random)) * box.size();
            if (p.y < y_lo - 2.0f || p.y > y_hi + 2.0f) continue;
            if (shape.distance(info.id, p) < 0.0f) {
                out.push_back(moves_with_the_arms(info.id) ? posed_by_arms(shape.anatomy().limbs, arms_forward_rad, p) : p);
            }
        }
    }
    return out;
}
}  // namespace

TEST(ViewSpecs, TheShippedFileIsTheBuiltInOneAndReadsCleanly) {
    const auto loaded = load_view_specs(std::string(THECAVIEW_ASSETS_DIR) + "/views.json");
    EXPECT_TRUE(loaded.errors.empty()) << loaded.errors.front().to_string();
    EXPECT_TRUE(loaded.unused.empty()) << loaded.unused.front().to_string();
    EXPECT_FALSE(loaded.used_built_in);
    EXPECT_EQ(loaded.value, built_in_view_specs());
    EXPECT_EQ(view_names(loaded.value),
              (std::vector<std::string>{"overview", "back", "side", "pump", "tip", "spread", "cross_section"}));
}

TEST(ViewSpecs, ABadViewIsNamedByFieldAndValueAndTheOthersStay) {
    const auto bad = [](const std::string& fields) { return parse_view_specs(one_view(fields), "views.json"); };
    const std::string from = R"("from": {"yaw_deg": 90, "pitch_deg": 0})";
    EXPECT_TRUE(bad(R"("subject": ["skin"], )" + from).errors.empty());
    EXPECT_TRUE(has_error(bad(R"("subject": ["kidney"], )" + from).errors, "views[0].subject", "unknown structure"));
    EXPECT_TRUE(has_error(bad(R"("subject": [], )" + from).errors, "views[0].subject", "at least one"));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "between": ["T2", "tip+q"], )" + from).errors, "views[0].between[1]",
                          "\"tip+q\""));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "margin": 0.6, )" + from).errors, "views[0].margin", "0.6"));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "margin": "wide", )" + from).errors, "views[0].margin", "wide"));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "from": {"yaw_deg": 1e400, "pitch_deg": 0})").errors, "", ""));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "from": {"pitch_deg": 0})").errors, "views[0].from.yaw_deg", "missing"));
    EXPECT_TRUE(has_error(bad(R"("subject": ["pump"], "hidden": ["pump"], )" + from).errors, "views[0].hidden", "own subject"));
    EXPECT_TRUE(has_error(bad(R"("subject": ["skin"], "cut": "sideways", )" + from).errors, "views[0].cut", "sideways"));
    const auto sagittal = bad(R"("subject": ["skin"], "cut": "sagittal", )" + from);
    EXPECT_TRUE(sagittal.errors.empty());
    ASSERT_EQ(sagittal.value.size(), 1u);
    EXPECT_EQ(sagittal.value.front().cut, CutKind::sagittal);
    const auto two = parse_view_specs(R"({"views": [{"name": "a", "subject": ["skin"], )" + from +
                                          R"(}, {"name": "a", "subject": ["pump"], )" + from + "}]}",
                                      "views.json");
    EXPECT_TRUE(has_error(two.errors, "views[1].name", "appears twice"));
    EXPECT_EQ(two.value.size(), 1u);
    const auto typo = bad(R"("subject": ["skin"], "margn": 0.1, )" + from);
    ASSERT_EQ(typo.unused.size(), 1u);
    EXPECT_EQ(typo.unused.front().field, "views[0].margn");
}

TEST(ViewSpecs, AMissingOrBrokenFileFallsBackToTheBuiltInViews) {
    const auto missing = load_view_specs("/nonexistent/views.json");
    EXPECT_TRUE(missing.used_built_in);
    ASSERT_FALSE(missing.errors.empty());
    EXPECT_NE(missing.errors.front().to_string().find("/nonexistent/views.json"), std::string::npos);
    EXPECT_EQ(missing.value, built_in_view_specs());
    const auto broken = parse_view_specs("{\"views\": [", "views.json");
    ASSERT_FALSE(broken.errors.empty());
    EXPECT_GT(broken.errors.front().line, 0);
}

TEST(ViewSpecs, LevelsAreNamedOrFollowTheTipAndTheEntry) {
    EXPECT_EQ(parse_level_ref("T10"), (LevelRef{LevelRef::Anchor::level, Level::T10, 0}));
    EXPECT_EQ(parse_level_ref("tip-2"), (LevelRef{LevelRef::Anchor::tip, Level::C1, -2}));
    EXPECT_EQ(parse_level_ref("entry+1"), (LevelRef{LevelRef::Anchor::entry, Level::C1, 1}));
    EXPECT_FALSE(parse_level_ref("tip+"));
    EXPECT_FALSE(parse_level_ref("tap"));
    EXPECT_FALSE(parse_level_ref("T10+999"));
    AnatomyOptions options;
    options.catheter_tip = Level::T8;
    const Anatomy a = build_anatomy(options);
    EXPECT_NEAR(level_index(a, *parse_level_ref("tip+1")), static_cast<float>(index_of(Level::T9)), 0.3f);
    EXPECT_FLOAT_EQ(level_index(a, *parse_level_ref("C1-3")), 0.0f) << "clamped to the spine";
}

// The acceptance: each view's subject inside the picture with its margin, at 16:9, 4:3 and 9:16,
// upright and in the lateral pose; and filling it (touching the margin on one axis).
TEST(ViewFraming, EveryViewHoldsItsWholeSubjectWithItsMarginAtEveryAspect) {
    const Anatomy a = build_anatomy();
    const BodyShape shape(a);
    const auto views = named_views(a);
    for (const ViewSpec& spec : built_in_view_specs()) {
        const auto view = find_view(views, spec.name);
        ASSERT_TRUE(view) << spec.name;
        const auto upright = independent_sample(shape, spec);
        const auto lying = independent_sample(shape, spec, kArmBoardForwardRad);
        ASSERT_GT(upright.size(), 100u) << spec.name;
        for (const auto& [w, h] : {std::pair{1600, 900}, std::pair{1200, 900}, std::pair{900, 1600}}) {
            for (const BodyPose pose : {BodyPose::upright, BodyPose::lateral}) {
                const bool on_side = pose == BodyPose::lateral;
                SCOPED_TRACE(spec.name + " at " + std::to_string(w) + "x" + std::to_string(h) + (on_side ? " lying" : ""));
                const OrbitCamera camera = frame_view_in_pose(*view, static_cast<float>(w) / static_cast<float>(h), pose);
                const auto& sample = on_side ? lying : upright;
                glm::vec2 lo(1e9f), hi(-1e9f);
                for (const glm::vec3& p : sample) {
                    const auto px = project_to_pixel(camera, p, w, h);
                    ASSERT_TRUE(px);
                    lo = glm::min(lo, *px);
                    hi = glm::max(hi, *px);
                }
                const glm::vec2 size(static_cast<float>(w), static_cast<float>(h));
                const glm::vec2 margin = size * spec.margin;
                const glm::vec2 slack = size * 0.005f;  // half a percent: the sample's own spacing
                EXPECT_GE(lo.x, margin.x - slack.x);
                EXPECT_GE(lo.y, margin.y - slack.y);
                EXPECT_LE(hi.x, size.x - margin.x + slack.x);
                EXPECT_LE(hi.y, size.y - margin.y + slack.y);
                // Filled: on the tighter axis the subject reaches within 3 % of the margin on both sides.
                const glm::vec2 used = (hi - lo) / (size - 2.0f * margin);
                EXPECT_GT(std::max(used.x, used.y), 0.94f) << "used " << used.x << " x " << used.y;
                // Centred on both axes.
                const glm::vec2 centre = 0.5f * (lo + hi) / size;
                EXPECT_NEAR(centre.x, 0.5f, 0.03f);
                EXPECT_NEAR(centre.y, 0.5f, 0.03f) << "from " << lo.y << " to " << hi.y << " of " << size.y;
            }
        }
    }
}

TEST(ViewFraming, AResizeReframesAViewUnlessTheUserMovedTheCamera) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ViewerState state;
    go_to_view(state, *find_view(views, "overview"), false);
    const OrbitCamera wide = state.camera;
    set_view_aspect(state, views, 0.3f);  // a tall, narrow picture
    EXPECT_EQ(state.camera, frame_view(*find_view(views, "overview"), 0.3f));
    EXPECT_FALSE(state.camera == wide);
    EXPECT_GT(state.camera.distance_mm, wide.distance_mm) << "a narrow picture needs the camera further off";
    state.camera.orbit(0.1f, 0.0f);  // the user turns it
    const OrbitCamera turned = state.camera;
    set_view_aspect(state, views, 4.0f / 3.0f);
    EXPECT_EQ(state.camera, turned);
    // A flight on its way to a view lands on the new framing.
    go_to_view(state, *find_view(views, "pump"), true);
    ASSERT_TRUE(state.flight);
    set_view_aspect(state, views, 16.0f / 9.0f);
    EXPECT_EQ(state.flight->to, frame_view(*find_view(views, "pump"), 16.0f / 9.0f));
}

// The tip view opens the canal from the side: its cut runs along the midline, through the cord
// and along the catheter where it lies in the CSF.
TEST(ViewCuts, TheTipViewCutsAlongTheCordAndTheCatheter) {
    for (const Level tip : {Level::T10, Level::C5, Level::T4}) {
        AnatomyOptions options;
        options.catheter_tip = tip;
        const Anatomy a = build_anatomy(options);
        const auto views = named_views(a);
        const NamedView* view = find_view(views, "tip");
        ASSERT_TRUE(view);
        ASSERT_EQ(view->cut.kind, CutKind::sagittal);
        const auto plane = cut_plane(a, view->cut);
        ASSERT_TRUE(plane);
        const glm::vec3 centre = a.canal_point(a.catheter_tip_level_index());
        EXPECT_LT(std::abs(glm::dot(plane->normal, centre) - plane->offset_mm), 0.5f * a.levels[index_of(tip)].cord_half_width_mm)
            << name_of(tip);
        const BodyShape shape(a);
        int in_csf = 0;
        for (std::size_t i = 0; i < a.catheter_path_mm.size(); ++i) {
            const glm::vec3 p = a.catheter_path_mm[i];
            if (shape.distance(Structure::csf, p) > 0.0f) continue;  // out of the sac
            ++in_csf;
            EXPECT_LT(std::abs(glm::dot(plane->normal, p) - plane->offset_mm), a.catheter_radius_mm) << name_of(tip) << " point " << i;
        }
        EXPECT_GT(in_csf, 5) << name_of(tip);
    }
}
