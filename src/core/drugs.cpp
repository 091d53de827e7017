// Loads and checks the drug library and the transport parameters.
#include "core/drugs.hpp"

#include <cmath>
#include <set>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

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
    if (const auto s = d.find("sources"); s != d.end() && s->is_array()) {
        for (const auto& key : *s) {
            if (key.is_string()) drug.sources.push_back(key.get<std::string>());
        }
    }
    return drug;
}

template <typename T, typename Parse>
Loaded<T> load_with_fallback(const std::filesystem::path& file, Parse parse, std::string_view built_in,
                             const char* what) {
    Loaded<T> out;
    if (const auto text = read_text_file(file)) {
        out = parse(*text, file.string());
        if (out.errors.empty()) return out;
    } else {
        out.errors.push_back({file.string(), 0, "", "", std::string("cannot open the ") + what + " file"});
    }
    Loaded<T> fallback = parse(built_in, "<built-in>");
    fallback.errors.insert(fallback.errors.begin(), out.errors.begin(), out.errors.end());
    fallback.used_built_in = true;
    return fallback;
}

}  // namespace

double Drug::clearance_per_h() const { return std::log(2.0) / csf_half_life_h; }

const Drug* DrugLibrary::find(std::string_view name) const {
    for (const auto& d : drugs) {
        if (d.name == name) return &d;
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
    if (!doc->is_object() || !doc->contains("drugs") || !(*doc)["drugs"].is_array() || (*doc)["drugs"].empty()) {
        r.error("drugs", "", "must be a non-empty list of drugs");
        return out;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < (*doc)["drugs"].size(); ++i) {
        const std::string path = "drugs[" + std::to_string(i) + "]";
        auto drug = read_drug(r, (*doc)["drugs"][i], path);
        if (!drug) continue;
        if (!seen.insert(drug->name).second) {
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
    set(p.dispersion_cervical_cm2_per_h, "dispersion_cervical_cm2_per_h", 0.0, 1000.0);
    set(p.dispersion_thoracic_cm2_per_h, "dispersion_thoracic_cm2_per_h", 0.0, 1000.0);
    set(p.dispersion_lumbar_cm2_per_h, "dispersion_lumbar_cm2_per_h", 0.0, 1000.0);
    set(p.dispersion_sacral_cm2_per_h, "dispersion_sacral_cm2_per_h", 0.0, 1000.0);
    set(p.foramen_exchange_ml_per_h, "foramen_exchange_ml_per_h", 0.0, 1000.0);
    if (p.below_t11_ml >= p.spinal_csf_ml) {
        r.error("csf.below_t11_ml", c["below_t11_ml"].dump(), "must be less than spinal_csf_ml");
    }
    return out;
}

Loaded<CsfParameters> load_csf_parameters(const std::filesystem::path& file) {
    return load_with_fallback<CsfParameters>(file, parse_csf_parameters, built_in_spread_json(), "transport parameters");
}

}  // namespace thecaview
