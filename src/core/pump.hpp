// Pump programs: continuous or daily-schedule rates, a single bolus and patient-activated
// boluses; checked against the device's limits and the drug's published maximum concentration;
// the reservoir over time, its low-reservoir alarm and the refill date. Loaded from and saved to
// JSON (schema in docs/pump-programs.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/drugs.hpp"
#include "core/error.hpp"

namespace thecaview {

// The pump's specification: hard limits, each from the SynchroMed II implant manual and product
// labelling (docs/references.md [8]); the reservoir's 20 or 40 mL is checked in check_program.
struct DeviceLimits {
    double min_flow_ml_per_day = 0.048;  // [8]: below this (and above 0) the pump cannot run
    double max_flow_ml_per_day = 24.0;   // [8]: its fastest flow (1 mL/h)
    double low_reservoir_alarm_ml = 2.0;  // [8]: the low-reservoir alarm sounds with this much left
    int max_schedule_steps = 12;          // illustrative: the programmer's steps per day
    double max_bolus_minutes = 24.0 * 60.0;  // illustrative: one bolus within a day
};

struct ScheduleStep {
    double start_h = 0.0;  // time of day the step starts, 0 to 24
    double rate_ml_per_day = 0.0;
    bool operator==(const ScheduleStep&) const = default;
};

struct SingleBolus {
    double dose_mg = 0.0;
    double minutes = 0.0;
    double start_h = 0.0;  // from the start of the program
    // Given by a clinician's syringe (a trial injection, or through the catheter access port), not
    // by the pump: the pump's flow limit does not bound it.
    bool by_syringe = false;
    bool operator==(const SingleBolus&) const = default;
};

struct PatientBolus {
    double dose_mg = 0.0;
    double minutes = 10.0;
    double lockout_min = 60.0;
    int max_per_day = 4;
    std::vector<double> requests_h;  // when the patient presses (from the start of the program)
};

struct PumpProgram {
    std::string drug;
    double concentration_mg_per_ml = 0.0;
    int reservoir_ml = 20;
    double fill_ml = 20.0;
    std::vector<ScheduleStep> schedule;  // one step: a simple continuous rate
    std::optional<SingleBolus> bolus;
    std::optional<PatientBolus> patient_bolus;
};

// A continuous-rate program (the common case and `simulate --rate`).
PumpProgram continuous_program(const Drug& drug, double rate_ml_per_day, double concentration_mg_per_ml);

// Every way the program breaks the device's limits, or is not a program at all (a number that is
// not finite, a negative amount, an unknown drug), each naming the field, the value and the
// limit. Empty when the program can run. A concentration or daily amount above the drug's
// published range is not refused: see above_published_range.
InputErrors check_program(const PumpProgram& program, const DrugLibrary& drugs, const DeviceLimits& limits,
                          const std::string& source = "<program>");

// Where the program goes above the drug's published ranges (concentration, daily amount), each
// naming the field, the value, the range and its source. It still runs; results say so.
std::vector<std::string> above_published_range(const PumpProgram& program, const Drug& drug);

// The basal rate at time t (the schedule step in force at that time of day).
double basal_rate_ml_per_day(const PumpProgram& program, double t_h);
// Patient boluses that the pump gives: requests outside the lockout and within the daily limit.
std::vector<double> accepted_patient_boluses(const PumpProgram& program);
// Drug leaving the catheter tip at time t: basal plus any bolus under way.
double drug_rate_mg_per_h(const PumpProgram& program, double t_h);
// Volume leaving the reservoir at time t (a syringe bolus does not come from it).
double volume_rate_ml_per_h(const PumpProgram& program, double t_h);
// Drug leaving the catheter between t0 and t1 (mg): the basal rate at the interval's midpoint,
// each bolus by its overlap with the interval (so a bolus shorter than a model step is not lost).
double drug_mg_between(const PumpProgram& program, double t0_h, double t1_h);
// Of that, what a syringe gives (not the pump's reservoir).
double syringe_mg_between(const PumpProgram& program, double t0_h, double t1_h);

struct ReservoirForecast {
    double alarm_h = -1.0;  // when the low-reservoir alarm sounds (-1: not within the horizon)
    double empty_h = -1.0;  // when it runs dry
    int refill_due_day = -1;  // the day (0 = the day it was filled) the alarm would sound: refill by then
};
ReservoirForecast forecast_reservoir(const PumpProgram& program, const DeviceLimits& limits, double horizon_h,
                                     double step_h = 0.25);

struct ProgramLoad {
    PumpProgram program;
    InputErrors errors;
};
ProgramLoad parse_program(std::string_view json_text, const std::string& source);
std::string program_json(const PumpProgram& program);

}  // namespace thecaview
