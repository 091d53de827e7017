// The one list of structures: unique snake_case keys, lookups and masks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "core/structure_look.hpp"
#include "core/structures.hpp"

using namespace thecaview;

TEST(Structures, KeysAreUniqueSnakeCaseAndRoundTrip) {
    std::set<std::string_view> keys;
    for (const auto& s : structures()) {
        EXPECT_TRUE(keys.insert(s.key).second) << s.key;
        for (char c : s.key) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << s.key;
        EXPECT_EQ(structure_from_key(s.key), s.id);
        EXPECT_EQ(&info(s.id), &s);
        EXPECT_FALSE(s.plain_name.empty());
        EXPECT_FALSE(s.description.empty());
    }
    EXPECT_FALSE(structure_from_key("liver"));
}

TEST(Structures, TheFoundationSetIsThere) {
    for (const char* key : {"skin", "fat", "muscle", "ribs", "pelvis", "vertebrae", "sacrum", "discs", "ligamentum_flavum",
                            "epidural_space", "dura", "csf", "spinal_cord", "nerve_roots", "catheter", "pump"}) {
        EXPECT_TRUE(structure_from_key(key)) << key;
    }
}

TEST(Structures, AllMaskHasABitPerStructureAndNothingElse) {
    const StructureMask all = all_structures_mask();
    for (const auto& s : structures()) EXPECT_NE(all & bit(s.id), 0u);
    EXPECT_EQ(static_cast<std::size_t>(__builtin_popcountll(all)), kStructureCount);
}

// ---- the structure table (assets/structures.json) -----------------------------------------
namespace {
const std::string kShippedTable = std::string(THECAVIEW_ASSETS_DIR) + "/structures.json";

std::string shipped_table_text() {
    std::ifstream in(kShippedTable);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool same_look(const StructureLook& a, const StructureLook& b) {
    return a.material.albedo == b.material.albedo && a.material.roughness == b.material.roughness &&
           a.material.metal == b.material.metal && a.always_see_through == b.always_see_through &&
           a.opacity_facing == b.opacity_facing && a.opacity_grazing == b.opacity_grazing && a.layer == b.layer &&
           a.shadow_group == b.shadow_group && a.mesh == b.mesh;
}
}  // namespace

TEST(StructureTable, TheShippedTableIsCompleteCleanAndTheBuiltInOne) {
    const auto shipped = load_structure_table(kShippedTable);
    EXPECT_TRUE(shipped.errors.empty()) << shipped.errors.front().to_string();
    EXPECT_TRUE(shipped.unused.empty()) << shipped.unused.front().to_string();
    EXPECT_FALSE(shipped.used_built_in);
    const auto built_in = parse_structure_table(built_in_structures_json(), "<built-in>");
    ASSERT_TRUE(built_in.errors.empty());
    for (const auto& s : structures()) {
        const auto i = static_cast<std::size_t>(s.id) - 1;
        EXPECT_TRUE(same_look(shipped.value.looks[i], built_in.value.looks[i])) << s.key;
    }
    // What the renderer relies on: the skin outermost and always see-through, titanium is metal.
    EXPECT_TRUE(look(Structure::skin).always_see_through);
    EXPECT_EQ(look(Structure::skin).layer, 0);
    EXPECT_GT(look(Structure::pump).material.metal, 0.5f);
    EXPECT_EQ(look(Structure::catheter).shadow_group, kNoShadowGroup);
    EXPECT_GT(look(Structure::ribs).mesh.tube_sides, 0);
}

TEST(StructureTable, ABrokenTableNamesFileLineFieldAndValueAndTheBuiltInStandsIn) {
    std::string text = shipped_table_text();
    const auto replace = [&](const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    };
    replace("\"roughness\": 0.55, \"metal\": 0.0}, \"see_through\": \"always\"",
            "\"roughness\": 2.5, \"metal\": 0.0}, \"see_through\": \"sometimes\"");  // the skin
    replace("{\"key\": \"pump\"", "{\"key\": \"titanium_pump\"");
    const auto parsed = parse_structure_table(text, "structures.json");
    const auto has = [&](const std::string& field, const std::string& value) {
        return std::any_of(parsed.errors.begin(), parsed.errors.end(), [&](const InputError& e) {
            return e.file == "structures.json" && e.field == field && e.value.find(value) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("structures[0].material.roughness", "2.5"));
    EXPECT_TRUE(has("structures[0].see_through", "sometimes"));
    EXPECT_TRUE(has("structures[15].key", "titanium_pump"));
    EXPECT_TRUE(std::any_of(parsed.errors.begin(), parsed.errors.end(), [](const InputError& e) {
        return e.message.find("no entry for pump") != std::string::npos;
    }));
    EXPECT_TRUE(std::any_of(parsed.errors.begin(), parsed.errors.end(), [](const InputError& e) { return e.line > 0; }));

    const std::string file = ::testing::TempDir() + "broken-structures.json";
    std::ofstream(file) << text;
    const auto loaded = load_structure_table(file);
    EXPECT_TRUE(loaded.used_built_in);
    EXPECT_FALSE(loaded.errors.empty());
    EXPECT_TRUE(same_look(loaded.value.looks[0], parse_structure_table(built_in_structures_json(), "").value.looks[0]));
    std::remove(file.c_str());
    EXPECT_TRUE(load_structure_table("/nonexistent/structures.json").used_built_in);
}
