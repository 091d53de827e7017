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

}  // namespace thecaview
