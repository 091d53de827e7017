// Loads and checks the drug library and the transport parameters.
#include "core/drugs.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// The fields whose published range must say where it comes from.
constexpr const char* kRangeFields[] = {"usual_concentration_mg_per_ml", "max_concentration_mg_per_ml",
                                        "usual_daily_dose_mg", "max_daily_dose_mg"};

void read_names_and_sources(JsonReader& r, const json& d, const std::string& path, Drug& drug) {
    if (const auto names = d.find("display_names"); names != d.end()) {
        if (!names->is_object()) {
            r.error(path + ".display_names", names->dump(), "must map language codes to names");
        } else {
            for (const auto& item : names->items()) {
                if (item.value().is_string() && !item.value().get<std::string>().empty()) {
                    drug.display_names[item.key()] = item.value().get<std::string>();
                } else {
                    r.error(path + ".display_names." + item.key(), item.value().dump(), "must be a non-empty name");
                }
            }
        }
    }
    drug.display_names.emplace("en", drug.display_name);
    const auto ranges = d.find("range_sources");
    for (const char* field : kRangeFields) {
        const bool given = ranges != d.end() && ranges->is_object() && ranges->contains(field) && (*ranges)[field].is_string() &&
                           !(*ranges)[field].get<std::string>().empty();
        if (!given) {
            r.error(path + ".range_sources." + field, "", "every published range needs its source, or \"illustrative\"");
            continue;
        }
        drug.range_sources[field] = (*ranges)[field].get<std::string>();
    }
    const auto keys = [&](const char* key, std::vector<std::string>& out) {
        if (const auto s = d.find(key); s != d.end() && s->is_array()) {
            for (const auto& v : *s) {
                if (v.is_string()) out.push_back(v.get<std::string>());
            }
        }
    };
    keys("sources", drug.sources);
    keys("estimated_fields", drug.estimated_fields);
}

std::optional<Drug> read_drug(JsonReader& r, const json& d, const std::string& path) {
    Drug drug;
    const auto name = r.text(d, path, "name");
    const auto display = r.text(d, path, "display_name");
    const auto mw = r.number(d, path, "molecular_weight_g_per_mol", 50.0, 10000.0);
    const auto log_p = r.number(d, path, "log_p", -10.0, 10.0);
    const auto half_life = r.number(d, path, "csf_half_life_h", 0.01, 100.0);
    const auto usual_c = r.number(d, path, "usual_concentration_mg_per_ml", 0.0, 1000.0);
    const auto max_c = r.number(d, path, "max_concentration_mg_per_ml", 0.0, 1000.0);
    const auto max_dose = r.number(d, path, "max_daily_dose_mg", 0.0, 10000.0);
    const auto range = d.find("usual_daily_dose_mg");
    if (range == d.end() || !range->is_array() || range->size() != 2 || !(*range)[0].is_number() ||
        !(*range)[1].is_number() || (*range)[0].get<double>() > (*range)[1].get<double>()) {
        r.error(path + ".usual_daily_dose_mg", range == d.end() ? "" : range->dump(), "must be [low, high] in mg");
        return std::nullopt;
    }
    if (!name || !display || !mw || !log_p || !half_life || !usual_c || !max_c || !max_dose) return std::nullopt;
    if (*usual_c > *max_c) {
        r.error(path + ".usual_concentration_mg_per_ml", d["usual_concentration_mg_per_ml"].dump(),
                "is above the drug's maximum concentration " + d["max_concentration_mg_per_ml"].dump());
        return std::nullopt;
    }
    drug.name = *name;
    drug.display_name = *display;
    drug.molecular_weight_g_per_mol = *mw;
    drug.log_p = *log_p;
    drug.csf_half_life_h = *half_life;
    drug.usual_concentration_mg_per_ml = *usual_c;
    drug.max_concentration_mg_per_ml = *max_c;
    drug.usual_daily_dose_min_mg = (*range)[0].get<double>();
    drug.usual_daily_dose_max_mg = (*range)[1].get<double>();
    drug.max_daily_dose_mg = *max_dose;
    drug.hydrophilic = r.flag_or(d, path, "hydrophilic", true);
    drug.csf_clearance_ml_per_min = r.number_or(d, path, "csf_clearance_ml_per_min", 0.0, 100.0, 0.0);
    read_names_and_sources(r, d, path, drug);
    return drug;
}


}  // namespace

double Drug::clearance_per_h() const { return std::log(2.0) / csf_half_life_h; }

const std::string& Drug::display_name_in(std::string_view language) const {
    const auto it = display_names.find(std::string(language));
    return it != display_names.end() ? it->second : display_name;
}

std::string Drug::range_source(const std::string& field) const {
    const auto it = range_sources.find(field);
    return it != range_sources.end() ? it->second : "illustrative";
}

const Drug* DrugLibrary::find(std::string_view name) const {
    const std::string key = lower(name);
    for (const auto& d : drugs) {
        if (lower(d.name) == key) return &d;
    }
    return nullptr;
}

std::vector<std::string> DrugLibrary::names() const {
    std::vector<std::string> out;
    for (const auto& d : drugs) out.push_back(d.name);
    return out;
}

Loaded<DrugLibrary> parse_drugs(std::string_view json_text, const std::string& source) {
    Loaded<DrugLibrary> out;
    JsonReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    const json* list = r.top_list(*doc, "drugs", "must be a non-empty list of drugs");
    if (!list) return out;
    std::set<std::string> seen;
    report_unused(*doc, "", {"_note", "drugs"}, source, out.unused);
    for (std::size_t i = 0; i < (*list).size(); ++i) {
        const std::string path = "drugs[" + std::to_string(i) + "]";
        report_unused((*list)[i], path,
                      {"name", "display_name", "display_names", "molecular_weight_g_per_mol", "log_p", "csf_half_life_h",
                       "csf_clearance_ml_per_min", "usual_concentration_mg_per_ml", "max_concentration_mg_per_ml",
                       "usual_daily_dose_mg", "max_daily_dose_mg", "hydrophilic", "sources", "estimated_fields",
                       "range_sources"},
                      source, out.unused);
        auto drug = read_drug(r, (*list)[i], path);
        if (!drug) continue;
        if (!seen.insert(lower(drug->name)).second) {
            r.error(path + ".name", "\"" + drug->name + "\"", "appears twice");
            continue;
        }
        out.value.drugs.push_back(std::move(*drug));
    }
    return out;
}

Loaded<DrugLibrary> load_drugs(const std::filesystem::path& file) {
    return load_with_fallback<DrugLibrary>(file, parse_drugs, built_in_drugs_json(), "drug library");
}

Loaded<CsfParameters> parse_csf_parameters(std::string_view json_text, const std::string& source) {
    Loaded<CsfParameters> out;
    JsonReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    CsfParameters& p = out.value;
    const std::string path = "csf";
    if (!doc->is_object() || !doc->contains("csf") || !(*doc)["csf"].is_object()) {
        r.error("csf", "", "must be an object of transport parameters");
        return out;
    }
    const json& c = (*doc)["csf"];
    const auto set = [&](double& field, const char* key, double lo, double hi) {
        if (const auto v = r.number(c, path, key, lo, hi)) field = *v;
    };
    set(p.spinal_csf_ml, "spinal_csf_ml", 10.0, 300.0);
    set(p.below_t11_ml, "below_t11_ml", 1.0, 200.0);
    set(p.cranial_csf_ml, "cranial_csf_ml", 1.0, 500.0);
    set(p.production_ml_per_h, "production_ml_per_h", 0.0, 100.0);
    set(p.dispersion_cervical_cm2_per_h, "dispersion_cervical_cm2_per_h", 0.0, 10000.0);
    set(p.dispersion_thoracic_cm2_per_h, "dispersion_thoracic_cm2_per_h", 0.0, 10000.0);
    set(p.dispersion_thoracolumbar_cm2_per_h, "dispersion_thoracolumbar_cm2_per_h", 0.0, 1000.0);
    set(p.dispersion_lumbar_cm2_per_h, "dispersion_lumbar_cm2_per_h", 0.0, 1000.0);
    set(p.dispersion_sacral_cm2_per_h, "dispersion_sacral_cm2_per_h", 0.0, 1000.0);
    set(p.foramen_exchange_ml_per_h, "foramen_exchange_ml_per_h", 0.0, 10000.0);
    set(p.injection_mixing_ml_per_ml, "injection_mixing_ml_per_ml", 0.0, 1000.0);
    set(p.injection_mixing_memory_h, "injection_mixing_memory_h", 0.001, 24.0);
    set(p.lumbar_spreading_per_h, "lumbar_spreading_per_h", 0.0, 10.0);
    report_unused(*doc, "", {"about", "sources", "csf"}, source, out.unused);
    report_unused(c, "csf",
                  {"spinal_csf_ml", "below_t11_ml", "cranial_csf_ml", "production_ml_per_h", "dispersion_cervical_cm2_per_h",
                   "dispersion_thoracic_cm2_per_h", "dispersion_thoracolumbar_cm2_per_h", "dispersion_lumbar_cm2_per_h",
                   "dispersion_sacral_cm2_per_h", "foramen_exchange_ml_per_h", "injection_mixing_ml_per_ml",
                   "injection_mixing_memory_h", "lumbar_spreading_per_h"},
                  source, out.unused);
    if (p.below_t11_ml >= p.spinal_csf_ml) {
        r.error("csf.below_t11_ml", c["below_t11_ml"].dump(), "must be less than spinal_csf_ml");
    }
    return out;
}

Loaded<CsfParameters> load_csf_parameters(const std::filesystem::path& file) {
    return load_with_fallback<CsfParameters>(file, parse_csf_parameters, built_in_spread_json(), "transport parameters");
}

}  // namespace thecaview
