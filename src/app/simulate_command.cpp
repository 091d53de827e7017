// `thecaview simulate`: runs a pump program through the drug-spread model and writes the
// concentration per level over time. Bad arguments and programs exit 2 with the reason.
#include <iostream>

#include "app/commands.hpp"
#include "app/data_dir.hpp"
#include "core/drugs.hpp"
#include "core/json_input.hpp"
#include "core/simulation.hpp"
#include "render/png.hpp"

namespace thecaview {

namespace {

void report(const InputErrors& errors, const char* prefix) {
    for (const auto& e : errors) std::cerr << "thecaview simulate: " << prefix << e.to_string() << "\n";
}

}  // namespace

int run_simulate(const SimulateCommand& command) {
    std::string error;
    const auto dir = find_data_dir(error);
    if (!dir) {
        std::cerr << "thecaview simulate: " << error << "\n";
        return 1;
    }
    const auto drugs = load_drugs(*dir / "assets" / "drugs" / "drugs.json");
    report(drugs.errors, "warning: ");
    report(drugs.unused, "warning: ");
    const auto csf = load_csf_parameters(*dir / "assets" / "spread.json");
    report(csf.errors, "warning: ");
    report(csf.unused, "warning: ");

    const Drug* drug = drugs.value.find(command.drug);
    PumpProgram program;
    std::string program_text;
    if (!command.program_file.empty()) {
        const auto text = read_text_file(command.program_file);
        if (!text) {
            std::cerr << "thecaview simulate: cannot read the program file " << command.program_file << "\n";
            return 2;
        }
        auto load = parse_program(*text, command.program_file);
        if (!load.errors.empty()) {
            report(load.errors, "");
            return 2;
        }
        program = load.program;
        program_text = *text;
        if (drugs.value.find(program.drug) != drug || !drug) {
            std::cerr << "thecaview simulate: " << command.program_file << ": drug = " << program.drug
                      << ": the program is for another drug than --drug " << command.drug << "\n";
            return 2;
        }
    } else {
        program.drug = command.drug;
        program.schedule = {{0.0, *command.rate_ml_per_day}};
    }
    if (drug) program.drug = drug->name;  // the library's spelling ("Morphine" is morphine)
    if (command.concentration_mg_per_ml) program.concentration_mg_per_ml = *command.concentration_mg_per_ml;
    // Without one, the drug's usual concentration: an illustration, not a recommendation.
    if (drug && program.concentration_mg_per_ml == 0.0) program.concentration_mg_per_ml = drug->usual_concentration_mg_per_ml;
    if (command.bolus_mg) program.bolus = SingleBolus{*command.bolus_mg, *command.bolus_minutes, 0.0, command.bolus_by_syringe};
    const std::string source = command.program_file.empty() ? "<command line>" : command.program_file;
    if (auto problems = check_program(program, drugs.value, DeviceLimits{}, source); !problems.empty()) {
        // In a file, point at the line; on the command line, name the option.
        for (auto& p : problems) {
            if (!program_text.empty() && p.line == 0 && !p.value.empty()) {
                p.line = line_of_value(program_text, p.field.substr(p.field.rfind('.') + 1), p.value);
            }
            if (!command.program_file.empty()) break;
            if (p.field == "schedule[0].rate_ml_per_day") p.field = "--rate";
            if (p.field == "concentration_mg_per_ml") p.field = "--concentration";
            if (p.field == "drug") p.field = "--drug";
            if (p.field.starts_with("bolus.")) p.field = "--bolus-" + p.field.substr(6);
        }
        report(problems, "");
        return 2;
    }

    AnatomyOptions options;
    options.catheter_tip = command.tip;
    SimulationRequest request;
    request.program = program;
    request.hours = command.hours;
    request.sample_every_h = command.sample_minutes / 60.0;
    Drug model_drug = *drug;
    if (command.csf_half_life_h) model_drug.csf_half_life_h = *command.csf_half_life_h;
    SimulationResult result = simulate(build_anatomy(options), csf.value, model_drug, request);
    result.above_published_range = above_published_range(program, *drug);
    for (const auto& note : result.above_published_range) std::cerr << "thecaview simulate: note: " << note << "\n";
    if (command.out.empty()) {
        std::cout << simulation_json(result);
        return 0;
    }
    const bool csv = command.out.ends_with(".csv");
    if (!write_text_atomically(command.out, csv ? simulation_csv(result) : simulation_json(result), error)) {
        std::cerr << "thecaview simulate: " << error << "\n";
        return 1;
    }
    std::cerr << "wrote " << command.out << " (" << program.drug << ", " << command.hours << " h, mass balance error "
              << result.relative_error << ")\n";
    return 0;
}

}  // namespace thecaview
