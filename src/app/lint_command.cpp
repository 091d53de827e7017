// `thecaview lint-content`: checks the content files and grades patient text; exit 1 on any
// error or any patient text above grade 6.
#include <cstdio>
#include <iostream>

#include "app/commands.hpp"
#include "app/data_dir.hpp"
#include "core/lint.hpp"
#include "core/views.hpp"

namespace thecaview {

int run_lint_content(const LintCommand& command) {
    std::filesystem::path dir = command.dir;
    if (dir.empty()) {
        std::string error;
        const auto data = find_data_dir(error);
        if (!data) {
            std::cerr << "thecaview lint-content: " << error << "\n";
            return 1;
        }
        dir = *data / "assets" / "content";
    }
    const LintReport report = lint_content(dir, view_names(built_in_view_specs()));
    if (command.json) {
        std::cout << report.json();
        return report.passed() ? 0 : 1;
    }
    for (const auto& e : report.errors) std::cout << "error: " << e.to_string() << "\n";
    int graded = 0;
    for (const auto& t : report.texts) {
        if (!t.grade) continue;
        ++graded;
        const bool hard = t.level == "patient" && *t.grade > report.max_patient_grade;
        char grade[16];
        std::snprintf(grade, sizeof grade, "%5.1f", *t.grade);
        std::cout << (hard ? "TOO HARD " : "         ") << grade << "  " << t.language << "  " << t.step << "." << t.field
                  << ": " << t.text.substr(0, 60) << (t.text.size() > 60 ? "..." : "") << "\n";
    }
    std::cout << report.texts.size() << " texts, " << graded << " graded, " << report.too_hard().size()
              << " above grade " << report.max_patient_grade << ", " << report.errors.size() << " errors\n";
    return report.passed() ? 0 : 1;
}

}  // namespace thecaview
