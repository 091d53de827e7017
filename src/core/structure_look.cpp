// The table behind look(): read from assets/structures.json (or its built-in copy) and checked.
#include "core/structure_look.hpp"

#include <cassert>
#include <memory>
#include <set>

#include "core/hash.hpp"
#include "core/json_input.hpp"

namespace thecaview {

namespace {
using nlohmann::json;

// Reads one entry into `look`; false (with errors) when something in it is wrong.
bool read_look(JsonReader& r, const json& e, const std::string& path, StructureLook& look) {
    bool ok = true;
    const auto number = [&](const json& object, const std::string& p, const char* key, double lo, double hi, float& into) {
        if (const auto v = r.number(object, p, key, lo, hi)) into = static_cast<float>(*v);
        else ok = false;
    };
    const auto object = [&](const char* key) -> const json* {
        if (e.contains(key) && e[key].is_object()) return &e[key];
        r.error(path + "." + key, e.contains(key) ? e[key].dump() : "", "must be an object");
        ok = false;
        return nullptr;
    };
    if (const json* m = object("material")) {
        const json& albedo = (*m).contains("albedo") ? (*m)["albedo"] : json();
        if (!albedo.is_array() || albedo.size() != 3) {
            r.error(path + ".material.albedo", albedo.dump(), "must be three numbers from 0 to 1 (linear red, green, blue)");
            ok = false;
        } else {
            for (int c = 0; c < 3; ++c) {
                const auto& v = albedo[static_cast<std::size_t>(c)];
                if (!v.is_number() || v.get<double>() < 0.0 || v.get<double>() > 1.0) {
                    r.error(path + ".material.albedo[" + std::to_string(c) + "]", v.dump(), "must be a number from 0 to 1");
                    ok = false;
                } else {
                    look.material.albedo[c] = v.get<float>();
                }
            }
        }
        number(*m, path + ".material", "roughness", 0.0, 1.0, look.material.roughness);
        number(*m, path + ".material", "metal", 0.0, 1.0, look.material.metal);
    }
    const std::string rule = e.contains("see_through") && e["see_through"].is_string() ? e["see_through"].get<std::string>() : "";
    if (rule == "always" || rule == "when x-rayed") {
        look.always_see_through = rule == "always";
    } else {
        r.error(path + ".see_through", e.contains("see_through") ? e["see_through"].dump() : "", "must be \"always\" or \"when x-rayed\"");
        ok = false;
    }
    if (const json* o = object("opacity")) {
        number(*o, path + ".opacity", "facing", 0.0, 1.0, look.opacity_facing);
        number(*o, path + ".opacity", "grazing", 0.0, 1.0, look.opacity_grazing);
    }
    float layer = 0.0f;
    number(e, path, "layer", 0.0, 20.0, layer);
    look.layer = static_cast<int>(layer);
    if (layer != static_cast<float>(look.layer)) {
        r.error(path + ".layer", e["layer"].dump(), "must be a whole number");
        ok = false;
    }
    if (!e.contains("shadow_group") || e["shadow_group"].is_null()) {
        look.shadow_group = kNoShadowGroup;
    } else if (e["shadow_group"].is_number_integer() && e["shadow_group"].get<int>() >= 0 && e["shadow_group"].get<int>() < kShadowGroups) {
        look.shadow_group = e["shadow_group"].get<int>();
    } else {
        r.error(path + ".shadow_group", e["shadow_group"].dump(), "must be a whole number from 0 to 7, or null for none");
        ok = false;
    }
    if (const json* m = object("mesh")) {
        if (m->contains("tube_sides")) {
            float sides = 0.0f;
            number(*m, path + ".mesh", "tube_sides", 3.0, 32.0, sides);
            look.mesh = {0.0f, 0.0f, static_cast<int>(sides)};
        } else {
            look.mesh.tube_sides = 0;
            number(*m, path + ".mesh", "cell_mm", 0.25, 10.0, look.mesh.cell_mm);
            number(*m, path + ".mesh", "error_mm", 0.0, 5.0, look.mesh.error_mm);
            if (m->contains("max_edge_mm")) number(*m, path + ".mesh", "max_edge_mm", 0.5, 50.0, look.mesh.max_edge_mm);
        }
    }
    return ok;
}

std::unique_ptr<StructureTable>& table_in_use() {
    static std::unique_ptr<StructureTable> table;
    return table;
}
}  // namespace

Loaded<StructureTable> parse_structure_table(std::string_view json_text, const std::string& source) {
    Loaded<StructureTable> out;
    JsonReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    if (!doc->is_object() || !doc->contains("structures") || !(*doc)["structures"].is_array()) {
        r.error("structures", "", "must be a list with an entry for each structure");
        return out;
    }
    report_unused(*doc, "", {"_note", "structures"}, source, out.unused);
    std::set<Structure> seen;
    const json& list = (*doc)["structures"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "structures[" + std::to_string(i) + "]";
        const json& e = list[i];
        report_unused(e, path, {"key", "material", "see_through", "opacity", "layer", "shadow_group", "mesh"}, source, out.unused);
        const auto key = r.text(e, path, "key");
        if (!key) continue;
        const auto id = structure_from_key(*key);
        if (!id) {
            r.error(path + ".key", "\"" + *key + "\"", "is not a structure: " + [] {
                std::string keys;
                for (const auto& s : structures()) keys += (keys.empty() ? "" : ", ") + std::string(s.key);
                return keys;
            }());
            continue;
        }
        if (!seen.insert(*id).second) {
            r.error(path + ".key", "\"" + *key + "\"", "appears twice");
            continue;
        }
        read_look(r, e, path, out.value.looks[static_cast<std::size_t>(*id) - 1]);
    }
    for (const auto& s : structures()) {
        if (!seen.count(s.id)) r.error("structures", "", "has no entry for " + std::string(s.key));
    }
    return out;
}

Loaded<StructureTable> load_structure_table(const std::filesystem::path& file) {
    return load_with_fallback<StructureTable>(file, parse_structure_table, built_in_structures_json(), "structure table");
}

void use_structure_table(const StructureTable& table) { table_in_use() = std::make_unique<StructureTable>(table); }

const StructureLook& look(Structure s) {
    auto& table = table_in_use();
    if (!table) {
        const auto built_in = parse_structure_table(built_in_structures_json(), "<built-in>");
        assert(built_in.errors.empty());
        table = std::make_unique<StructureTable>(built_in.value);
    }
    const auto index = static_cast<std::size_t>(s) - 1;
    assert(index < table->looks.size());
    return table->looks[index];
}

std::uint64_t mesh_table_fingerprint() {
    std::uint64_t h = kFnvOffset;
    for (const auto& s : structures()) {
        const StructureLook& l = look(s.id);
        const float mesh[] = {l.mesh.cell_mm, l.mesh.error_mm, static_cast<float>(l.mesh.tube_sides), static_cast<float>(l.shadow_group),
                              l.mesh.max_edge_mm};
        h = fnv1a(mesh, sizeof mesh, h);
    }
    return h;
}

}  // namespace thecaview
