// The handout's words.
#include "core/handout.hpp"

#include "core/care_contacts.hpp"

namespace thecaview {

namespace {
const ProcedureStep* find_step(const ProcedureContent& c, const char* id) {
    for (const auto& s : c.steps) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

// A step's points: the first list's, or its caption when it has none.
std::vector<std::string> points_of(const StepText& t) {
    if (!t.lists.empty()) return t.lists.front().points;
    return {t.caption};
}
}  // namespace

HandoutText handout_text(const ProcedureContent& c, const CareContacts& contacts, const HandoutOptions& options) {
    HandoutText h;
    h.title = c.text("handout_title");
    h.note = c.text("education_note");
    if (options.drug) h.about.push_back(c.format("handout_medicine", {{"drug", c.text("drug_" + *options.drug)}}));
    h.about.push_back(c.format("handout_tip", {{"level", name_of(options.tip)}, {"region", c.text(std::string(back_region_key(options.tip)))}}));
    h.about.push_back(c.format("handout_pump", {{"ml", std::to_string(options.pump_ml)}}));
    if (const ProcedureStep* s = find_step(c, "summary")) {
        const StepText& t = s->text(options.audience);
        h.summary_heading = t.title;
        h.summary = points_of(t);
    }
    if (const ProcedureStep* s = find_step(c, "get-help")) {
        const StepText& t = s->text(options.audience);
        h.help_heading = t.title;
        h.help_intro = t.caption;
        h.help_lists = t.lists;
    }
    h.contacts = care_contact_lines(contacts, c);
    if (const ProcedureStep* s = find_step(c, "questions")) {
        const StepText& t = s->text(options.audience);
        h.questions_heading = t.title;
        h.questions = points_of(t);
    }
    h.notes_heading = c.text("handout_notes");
    h.glossary_heading = c.text("glossary_title");
    for (const auto& term : c.glossary) h.glossary.emplace_back(term.term, term.definition);
    h.footer = c.format("handout_footer", {{"version", c.version}, {"date", c.review_date}});
    return h;
}

bool offers_handout(const ProcedureStep& step) {
    return step.id == "summary" || step.id == "get-help" || step.id == "questions";
}

std::vector<std::string> handout_arguments(const std::string& program, const std::filesystem::path& out,
                                           const std::string& language, const HandoutOptions& options,
                                           const std::filesystem::path& config_file) {
    std::vector<std::string> args{program,   "handout", "--out",  out.string(),           "--lang", language, "--level",
                                  std::string(audience_key(options.audience)), "--tip", name_of(options.tip), "--pump",
                                  std::to_string(options.pump_ml)};
    if (options.drug) args.insert(args.end(), {"--drug", *options.drug});
    if (!config_file.empty()) args.insert(args.end(), {"--config", config_file.string()});
    return args;
}

std::vector<std::string> print_arguments(const std::vector<std::string>& printer_command, const std::filesystem::path& file) {
    std::vector<std::string> args = printer_command;
    args.push_back(file.string());
    return args;
}

}  // namespace thecaview
