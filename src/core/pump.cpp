// Pump programs: rates over time, checks against the device and the drug, reservoir forecast.
#include "core/pump.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

std::string number_text(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// Collects a program's errors, each naming field, value and limit.
struct Checker {
    const std::string& source;
    InputErrors errors;
    void fail(const std::string& field, double value, const std::string& message) {
        errors.push_back({source, 0, field, number_text(value), message});
    }
};

void check_rate(Checker& c, const std::string& field, double rate, const DeviceLimits& limits) {
    if (!std::isfinite(rate)) {
        c.fail(field, rate, "must be a finite number of mL/day");
    } else if (std::signbit(rate)) {  // -0 too: it would be saved and shown as a negative rate
        c.fail(field, rate, "a rate cannot be negative");
    } else if (rate > 0.0 && rate < limits.min_flow_ml_per_day) {
        c.fail(field, rate, "is below the pump's minimum flow of " + number_text(limits.min_flow_ml_per_day) +
                                " mL/day (0 stops the pump)");
    } else if (rate > limits.max_flow_ml_per_day) {
        c.fail(field, rate, "is above the pump's maximum flow of " + number_text(limits.max_flow_ml_per_day) + " mL/day");
    }
}

void check_bolus_shape(Checker& c, const std::string& path, double dose_mg, double minutes, const DeviceLimits& limits) {
    if (!(dose_mg > 0.0) || !std::isfinite(dose_mg)) c.fail(path + ".dose_mg", dose_mg, "a bolus needs a finite dose above 0 mg");
    if (!(minutes > 0.0) || !(minutes <= limits.max_bolus_minutes)) {
        c.fail(path + ".minutes", minutes, "must be above 0 and at most " + number_text(limits.max_bolus_minutes) + " minutes");
    }
}

}  // namespace

PumpProgram continuous_program(const Drug& drug, double rate_ml_per_day, double concentration_mg_per_ml) {
    PumpProgram p;
    p.drug = drug.name;
    p.concentration_mg_per_ml = concentration_mg_per_ml;
    p.schedule = {{0.0, rate_ml_per_day}};
    return p;
}

InputErrors check_program(const PumpProgram& p, const DrugLibrary& drugs, const DeviceLimits& limits,
                          const std::string& source) {
    Checker c{source, {}};
    const Drug* drug = drugs.find(p.drug);
    if (!drug) {
        std::string known;
        for (const auto& n : drugs.names()) known += (known.empty() ? "" : ", ") + n;
        c.errors.push_back({source, 0, "drug", p.drug, "is not in the drug library (" + known + ")"});
    }
    // Refused only when it is not a concentration at all: above the published range it runs, marked.
    if (!(p.concentration_mg_per_ml > 0.0) || !std::isfinite(p.concentration_mg_per_ml)) {
        c.fail("concentration_mg_per_ml", p.concentration_mg_per_ml, "must be a finite number above 0 mg/mL");
    }
    if (p.reservoir_ml != 20 && p.reservoir_ml != 40) {
        c.fail("reservoir_ml", p.reservoir_ml, "the pump holds 20 or 40 mL (SynchroMed II labelling)");
    }
    if (!(p.fill_ml >= 0.0) || std::signbit(p.fill_ml) || !(p.fill_ml <= p.reservoir_ml)) {
        c.fail("fill_ml", p.fill_ml, "must be between 0 and the reservoir's " + std::to_string(p.reservoir_ml) + " mL");
    }
    if (p.schedule.empty() || static_cast<int>(p.schedule.size()) > limits.max_schedule_steps) {
        c.fail("schedule", static_cast<double>(p.schedule.size()),
               "needs 1 to " + std::to_string(limits.max_schedule_steps) + " steps");
    }
    for (std::size_t i = 0; i < p.schedule.size(); ++i) {
        const std::string path = "schedule[" + std::to_string(i) + "]";
        const ScheduleStep& s = p.schedule[i];
        if (!(s.start_h >= 0.0) || !(s.start_h < 24.0)) c.fail(path + ".start_h", s.start_h, "must be a time of day, 0 to under 24 h");
        if (i == 0 && s.start_h != 0.0) c.fail(path + ".start_h", s.start_h, "the first step starts at 0 h");
        if (i > 0 && s.start_h <= p.schedule[i - 1].start_h) {
            c.fail(path + ".start_h", s.start_h, "must come after the step before (" + number_text(p.schedule[i - 1].start_h) + " h)");
        }
        check_rate(c, path + ".rate_ml_per_day", s.rate_ml_per_day, limits);
    }
    if (p.bolus) check_bolus_shape(c, "bolus", p.bolus->dose_mg, p.bolus->minutes, limits);
    if (p.bolus && (!(p.bolus->start_h >= 0.0) || !std::isfinite(p.bolus->start_h) || std::signbit(p.bolus->start_h))) {
        c.fail("bolus.start_h", p.bolus->start_h, "must be a finite time, not before the program starts");
    }
    if (p.patient_bolus) {
        const PatientBolus& b = *p.patient_bolus;
        check_bolus_shape(c, "patient_bolus", b.dose_mg, b.minutes, limits);
        if (!(b.lockout_min >= b.minutes) || !std::isfinite(b.lockout_min)) {
            c.fail("patient_bolus.lockout_min", b.lockout_min, "must be at least the bolus's " + number_text(b.minutes) + " minutes");
        }
        if (b.max_per_day < 1 || b.max_per_day > 24) c.fail("patient_bolus.max_per_day", b.max_per_day, "must be 1 to 24");
    }
    // A bolus must fit the pump's flow: dose / concentration over its minutes, as mL/day.
    const auto check_bolus_flow = [&](const std::string& path, double dose_mg, double minutes) {
        if (!(p.concentration_mg_per_ml > 0.0) || !(minutes > 0.0)) return;
        const double flow = dose_mg / p.concentration_mg_per_ml / (minutes / 1440.0);
        if (flow > limits.max_flow_ml_per_day) {
            c.fail(path + ".minutes", minutes, "the bolus needs " + number_text(flow) + " mL/day, above the pump's maximum of " +
                                                   number_text(limits.max_flow_ml_per_day) + " mL/day");
        }
    };
    if (p.bolus && !p.bolus->by_syringe) check_bolus_flow("bolus", p.bolus->dose_mg, p.bolus->minutes);
    if (p.patient_bolus) check_bolus_flow("patient_bolus", p.patient_bolus->dose_mg, p.patient_bolus->minutes);
    return c.errors;
}

std::vector<std::string> above_published_range(const PumpProgram& p, const Drug& drug) {
    std::vector<std::string> notes;
    const auto note = [&](const char* field, double value, const char* unit, double top, const std::string& source) {
        notes.push_back(std::string(field) + " = " + number_text(value) + ": above " + drug.display_name +
                        "'s published range (up to " + number_text(top) + " " + unit + "; source: " + source + ")");
    };
    if (p.concentration_mg_per_ml > drug.max_concentration_mg_per_ml) {
        note("concentration_mg_per_ml", p.concentration_mg_per_ml, "mg/mL", drug.max_concentration_mg_per_ml,
             drug.range_source("max_concentration_mg_per_ml"));
    }
    // The largest amount the basal schedule gives in a day, plus the single bolus.
    double basal_ml_per_day = 0.0;
    for (std::size_t i = 0; i < p.schedule.size(); ++i) {
        const double end_h = i + 1 < p.schedule.size() ? p.schedule[i + 1].start_h : 24.0;
        basal_ml_per_day += p.schedule[i].rate_ml_per_day * (end_h - p.schedule[i].start_h) / 24.0;
    }
    const double daily_mg = basal_ml_per_day * p.concentration_mg_per_ml + (p.bolus ? p.bolus->dose_mg : 0.0);
    if (daily_mg > drug.max_daily_dose_mg) {
        note("daily_mg", daily_mg, "mg/day", drug.max_daily_dose_mg, drug.range_source("max_daily_dose_mg"));
    }
    return notes;
}

double basal_rate_ml_per_day(const PumpProgram& p, double t_h) {
    if (p.schedule.empty()) return 0.0;
    const double day_h = std::fmod(std::max(t_h, 0.0), 24.0);
    double rate = p.schedule.front().rate_ml_per_day;
    for (const auto& s : p.schedule) {
        if (s.start_h <= day_h) rate = s.rate_ml_per_day;
    }
    return rate;
}

std::vector<double> accepted_patient_boluses(const PumpProgram& p) {
    std::vector<double> accepted;
    if (!p.patient_bolus) return accepted;
    const PatientBolus& b = *p.patient_bolus;
    std::vector<double> requests = b.requests_h;
    std::sort(requests.begin(), requests.end());
    for (const double t : requests) {
        if (!accepted.empty() && (t - accepted.back()) * 60.0 < b.lockout_min) continue;
        const auto in_day = std::count_if(accepted.begin(), accepted.end(), [t](double a) { return t - a < 24.0; });
        if (in_day >= b.max_per_day) continue;
        accepted.push_back(t);
    }
    return accepted;
}

double drug_rate_mg_per_h(const PumpProgram& p, double t_h) {
    double rate = basal_rate_ml_per_day(p, t_h) / 24.0 * p.concentration_mg_per_ml;
    const auto add_bolus = [&](double start_h, double dose_mg, double minutes) {
        const double length_h = minutes / 60.0;
        if (t_h >= start_h && t_h < start_h + length_h) rate += dose_mg / length_h;
    };
    if (p.bolus) add_bolus(p.bolus->start_h, p.bolus->dose_mg, p.bolus->minutes);
    if (p.patient_bolus) {
        for (const double start : accepted_patient_boluses(p)) add_bolus(start, p.patient_bolus->dose_mg, p.patient_bolus->minutes);
    }
    return rate;
}

double drug_mg_between(const PumpProgram& p, double t0_h, double t1_h) {
    double mg = basal_rate_ml_per_day(p, 0.5 * (t0_h + t1_h)) / 24.0 * p.concentration_mg_per_ml * (t1_h - t0_h);
    const auto add_bolus = [&](double start_h, double dose_mg, double minutes) {
        const double length_h = minutes / 60.0;
        const double overlap_h = std::min(t1_h, start_h + length_h) - std::max(t0_h, start_h);
        if (overlap_h > 0.0) mg += dose_mg * overlap_h / length_h;
    };
    if (p.bolus) add_bolus(p.bolus->start_h, p.bolus->dose_mg, p.bolus->minutes);
    if (p.patient_bolus) {
        for (const double start : accepted_patient_boluses(p)) add_bolus(start, p.patient_bolus->dose_mg, p.patient_bolus->minutes);
    }
    return mg;
}

double syringe_mg_between(const PumpProgram& p, double t0_h, double t1_h) {
    if (!p.bolus || !p.bolus->by_syringe) return 0.0;
    const double length_h = p.bolus->minutes / 60.0;
    const double overlap_h = std::min(t1_h, p.bolus->start_h + length_h) - std::max(t0_h, p.bolus->start_h);
    return overlap_h > 0.0 ? p.bolus->dose_mg * overlap_h / length_h : 0.0;
}

double volume_rate_ml_per_h(const PumpProgram& p, double t_h) {
    if (!(p.concentration_mg_per_ml > 0.0)) return 0.0;
    double rate = drug_rate_mg_per_h(p, t_h);
    if (p.bolus && p.bolus->by_syringe && t_h >= p.bolus->start_h && t_h < p.bolus->start_h + p.bolus->minutes / 60.0) {
        rate -= p.bolus->dose_mg / (p.bolus->minutes / 60.0);
    }
    return std::max(rate, 0.0) / p.concentration_mg_per_ml;
}

ReservoirForecast forecast_reservoir(const PumpProgram& p, const DeviceLimits& limits, double horizon_h, double step_h) {
    ReservoirForecast f;
    double volume = p.fill_ml;
    if (volume <= limits.low_reservoir_alarm_ml) f.alarm_h = 0.0;
    for (double t = 0.0; t < horizon_h && f.empty_h < 0.0; t += step_h) {
        // Midpoint rate over the step; the reservoir at the end of it.
        const double next = volume - volume_rate_ml_per_h(p, t + 0.5 * step_h) * step_h;
        if (f.alarm_h < 0.0 && next <= limits.low_reservoir_alarm_ml) {
            f.alarm_h = t + step_h * (volume - limits.low_reservoir_alarm_ml) / std::max(volume - next, 1e-12);
        }
        if (next <= 0.0) f.empty_h = t + step_h * volume / std::max(volume - next, 1e-12);
        volume = next;
    }
    if (f.alarm_h >= 0.0) f.refill_due_day = static_cast<int>(std::floor(f.alarm_h / 24.0 + 1e-6));
    return f;
}

ProgramLoad parse_program(std::string_view json_text, const std::string& source) {
    ProgramLoad out;
    JsonReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    if (!doc->is_object()) {
        r.error("", "", "a program is a JSON object");
        return out;
    }
    PumpProgram& p = out.program;
    if (const auto drug = r.text(*doc, "program", "drug")) p.drug = *drug;
    if (const auto c = r.number(*doc, "program", "concentration_mg_per_ml", 0.0, 1e6)) p.concentration_mg_per_ml = *c;
    p.reservoir_ml = static_cast<int>(std::lround(r.number_or(*doc, "program", "reservoir_ml", 1.0, 1000.0, 20.0)));
    p.fill_ml = r.number_or(*doc, "program", "fill_ml", 0.0, 1000.0, static_cast<double>(p.reservoir_ml));
    if (doc->contains("rate_ml_per_day")) {
        if (const auto rate = r.number(*doc, "program", "rate_ml_per_day", -1e6, 1e6)) p.schedule = {{0.0, *rate}};
    } else if (const auto s = doc->find("schedule"); s != doc->end() && s->is_array()) {
        for (std::size_t i = 0; i < s->size(); ++i) {
            const std::string path = "schedule[" + std::to_string(i) + "]";
            const auto start = r.number((*s)[i], path, "start_h", -1e6, 1e6);
            const auto rate = r.number((*s)[i], path, "rate_ml_per_day", -1e6, 1e6);
            if (start && rate) p.schedule.push_back({*start, *rate});
        }
    } else {
        r.error("rate_ml_per_day", "", "a program needs rate_ml_per_day or a schedule");
    }
    if (const auto b = doc->find("bolus"); b != doc->end()) {
        SingleBolus bolus;
        if (const auto v = r.number(*b, "bolus", "dose_mg", -1e6, 1e6)) bolus.dose_mg = *v;
        if (const auto v = r.number(*b, "bolus", "minutes", -1e6, 1e6)) bolus.minutes = *v;
        bolus.start_h = r.number_or(*b, "bolus", "start_h", -1e6, 1e6, 0.0);
        bolus.by_syringe = r.flag_or(*b, "bolus", "by_syringe", false);
        p.bolus = bolus;
    }
    if (const auto b = doc->find("patient_bolus"); b != doc->end()) {
        PatientBolus pb;
        if (const auto v = r.number(*b, "patient_bolus", "dose_mg", -1e6, 1e6)) pb.dose_mg = *v;
        pb.minutes = r.number_or(*b, "patient_bolus", "minutes", -1e6, 1e6, pb.minutes);
        pb.lockout_min = r.number_or(*b, "patient_bolus", "lockout_min", -1e6, 1e6, pb.lockout_min);
        pb.max_per_day = static_cast<int>(std::lround(r.number_or(*b, "patient_bolus", "max_per_day", -1e6, 1e6, pb.max_per_day)));
        if (const auto req = b->find("requests_h"); req != b->end() && req->is_array()) {
            for (std::size_t i = 0; i < req->size(); ++i) {
                const auto& t = (*req)[i];
                if (t.is_number() && std::isfinite(t.get<double>()) && t.get<double>() >= 0.0) {
                    pb.requests_h.push_back(t.get<double>());
                } else {
                    r.error("patient_bolus.requests_h[" + std::to_string(i) + "]", t.dump(), "must be a time in hours, 0 or later");
                }
            }
        }
        p.patient_bolus = pb;
    }
    return out;
}

std::string program_json(const PumpProgram& p) {
    nlohmann::ordered_json schedule = nlohmann::ordered_json::array();
    for (const auto& s : p.schedule) schedule.push_back({{"start_h", s.start_h}, {"rate_ml_per_day", s.rate_ml_per_day}});
    nlohmann::ordered_json j = {{"drug", p.drug},
                                {"concentration_mg_per_ml", p.concentration_mg_per_ml},
                                {"reservoir_ml", p.reservoir_ml},
                                {"fill_ml", p.fill_ml},
                                {"schedule", schedule}};
    if (p.bolus) {
        j["bolus"] = {{"dose_mg", p.bolus->dose_mg}, {"minutes", p.bolus->minutes}, {"start_h", p.bolus->start_h}};
        if (p.bolus->by_syringe) j["bolus"]["by_syringe"] = true;
    }
    if (p.patient_bolus) {
        const PatientBolus& b = *p.patient_bolus;
        j["patient_bolus"] = {{"dose_mg", b.dose_mg}, {"minutes", b.minutes}, {"lockout_min", b.lockout_min},
                              {"max_per_day", b.max_per_day}, {"requests_h", b.requests_h}};
    }
    return j.dump(2) + "\n";
}

}  // namespace thecaview
