// The drug library and the CSF transport parameters, loaded from assets/ and validated. Each
// drug's ranges are published ranges shown to students and used to bound the simulation; the
// app never suggests a dose for anyone.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/spread.hpp"

namespace thecaview {

struct Drug {
    std::string name;          // lower-case key: "morphine"
    std::string display_name;  // "Morphine": the English name
    std::map<std::string, std::string> display_names;  // per language code ("en", "es"), from the library
    double molecular_weight_g_per_mol = 0.0;
    double log_p = 0.0;                    // octanol/water, higher = more fat-soluble
    double csf_half_life_h = 1.0;          // in lumbar CSF after intrathecal dosing (spreading included)
    double usual_concentration_mg_per_ml = 0.0;
    double max_concentration_mg_per_ml = 0.0;
    double usual_daily_dose_min_mg = 0.0;  // published usual range
    double usual_daily_dose_max_mg = 0.0;
    double max_daily_dose_mg = 0.0;        // published maximum
    bool hydrophilic = true;
    double csf_clearance_ml_per_min = 0.0;  // measured CSF clearance where one was found (0: none)
    std::vector<std::string> sources;      // keys into docs/notes/drug-research.md
    std::vector<std::string> estimated_fields;  // fields that are estimates, not measurements
    // The source of each published range (usual and maximum concentration, usual and maximum
    // daily amount), by field name; "illustrative" where no source gives one.
    std::map<std::string, std::string> range_sources;

    [[nodiscard]] double clearance_per_h() const;  // the measured rate, ln 2 / half-life (the model uses local_loss_per_h)
    // The name in a language, else the English one.
    [[nodiscard]] const std::string& display_name_in(std::string_view language) const;
    // The source of a range field ("illustrative" when it has none).
    [[nodiscard]] std::string range_source(const std::string& field) const;
};

struct DrugLibrary {
    std::vector<Drug> drugs;
    // By name, ignoring case ("Morphine" finds morphine).
    [[nodiscard]] const Drug* find(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> names() const;
};

Loaded<DrugLibrary> parse_drugs(std::string_view json_text, const std::string& source);
// The library from a file; when it is missing or broken, says why and uses the built-in copy.
Loaded<DrugLibrary> load_drugs(const std::filesystem::path& file);
Loaded<CsfParameters> parse_csf_parameters(std::string_view json_text, const std::string& source);
Loaded<CsfParameters> load_csf_parameters(const std::filesystem::path& file);

// The shipped files, compiled in at build time.
std::string_view built_in_drugs_json();
std::string_view built_in_spread_json();

}  // namespace thecaview
