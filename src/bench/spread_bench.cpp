// Google Benchmark for the drug-spread model: 30 simulated days at 1 cm cells and 1-minute steps
// (the anatomy issue's goal: 50 ms or less on one core).
#include <benchmark/benchmark.h>

#include "core/drugs.hpp"
#include "core/simulation.hpp"

using namespace thecaview;

static void BM_Spread30Days(benchmark::State& state) {
    const Anatomy anatomy = build_anatomy();
    const CsfParameters csf = parse_csf_parameters(built_in_spread_json(), "<built-in>").value;
    const DrugLibrary drugs = parse_drugs(built_in_drugs_json(), "<built-in>").value;
    const Drug& morphine = *drugs.find("morphine");
    SimulationRequest request;
    request.program = continuous_program(morphine, 0.5, morphine.usual_concentration_mg_per_ml);
    request.hours = 30.0 * 24.0;
    for (auto _ : state) {
        const SimulationResult r = simulate(anatomy, csf, morphine, request);
        benchmark::DoNotOptimize(r.relative_error);
    }
}
BENCHMARK(BM_Spread30Days)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
