// Loads and validates content files; errors name file, line, field and value.
#include "core/content.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_input.hpp"

namespace thecaview {

namespace {

using nlohmann::json;

const std::set<std::string> kTopKeys{"language",   "language_name", "version", "review_date", "ui",
                                     "structures", "steps",         "glossary", "quiz"};
const std::set<std::string> kStepKeys{"id",   "view",      "duration_s", "highlight", "hide",    "xray",
                                      "labels", "animation", "pose",       "contacts",  "patient", "student"};
const std::set<std::string> kTextKeys{"title", "caption", "more", "lists", "cards", "sources"};
const std::set<std::string> kListKeys{"heading", "points", "urgent"};
const std::set<std::string> kTermKeys{"key", "term", "definition", "forms"};
const std::set<std::string> kQuestionKeys{"id", "after", "question", "choices", "answer", "tap", "explanation"};

bool kebab_case(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

class ContentReader {
public:
    ContentReader(std::string_view text, const std::string& source, InputErrors& errors)
        : r_(text, source, errors), text_(text) {}

    std::optional<json> parse() { return r_.parse(); }
    void error(const std::string& field, const std::string& value, const std::string& message) { r_.error(field, value, message); }
    std::optional<std::string> text(const json& o, const std::string& path, const char* key) { return r_.text(o, path, key); }
    std::optional<double> number(const json& o, const std::string& path, const char* key, double lo, double hi) {
        return r_.number(o, path, key, lo, hi);
    }

    void unknown_keys(const json& o, const std::string& path, const std::set<std::string>& known) {
        for (const auto& [key, value] : o.items()) {
            if (!known.contains(key)) error(path.empty() ? key : path + "." + key, value.dump(), "unknown field");
        }
    }

    StructureMask structure_list(const json& step, const std::string& path, const char* key) {
        return r_.structure_list(step, path, key);
    }

    StepText step_text(const json& step, const std::string& path, const char* level) {
        StepText t;
        const auto it = step.find(level);
        if (it == step.end() || !it->is_object()) {
            error(path + "." + level, "", "missing; every step has a patient and a student text");
            return t;
        }
        const std::string where = path + "." + level;
        unknown_keys(*it, where, kTextKeys);
        t.title = text(*it, where, "title").value_or("");
        t.caption = text(*it, where, "caption").value_or("");
        if (const auto more = it->find("more"); more != it->end()) t.more = more->is_string() ? more->get<std::string>() : "";
        if (const auto lists = it->find("lists"); lists != it->end()) t.lists = text_lists(*lists, where + ".lists");
        if (it->contains("cards")) t.cards = strings(*it, where, "cards");
        if (const auto s = it->find("sources"); s != it->end() && s->is_array()) {
            for (const auto& key : *s) {
                if (key.is_string()) t.sources.push_back(key.get<std::string>());
            }
        }
        return t;
    }

    // A list of strings, each non-empty.
    std::vector<std::string> strings(const json& o, const std::string& path, const char* key) {
        std::vector<std::string> out;
        const auto it = o.find(key);
        if (it == o.end() || !it->is_array() || it->empty()) {
            error(path + "." + key, it == o.end() ? "" : it->dump(), "must be a non-empty list of texts");
            return out;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& item = (*it)[i];
            if (item.is_string() && !item.get<std::string>().empty()) out.push_back(item.get<std::string>());
            else error(path + "." + key + "[" + std::to_string(i) + "]", item.dump(), "must be a non-empty text");
        }
        return out;
    }

    std::vector<TextList> text_lists(const json& lists, const std::string& path) {
        std::vector<TextList> out;
        if (!lists.is_array()) {
            error(path, lists.dump(), "must be a list of {\"heading\", \"points\"}");
            return out;
        }
        for (std::size_t i = 0; i < lists.size(); ++i) {
            const std::string where = path + "[" + std::to_string(i) + "]";
            if (!lists[i].is_object()) {
                error(where, lists[i].dump(), "must be an object with a heading and points");
                continue;
            }
            unknown_keys(lists[i], where, kListKeys);
            TextList list{text(lists[i], where, "heading").value_or(""), strings(lists[i], where, "points"), false};
            if (const auto u = lists[i].find("urgent"); u != lists[i].end()) {
                if (u->is_boolean()) list.urgent = u->get<bool>();
                else error(where + ".urgent", u->dump(), "must be true or false");
            }
            out.push_back(std::move(list));
        }
        return out;
    }

    std::vector<GlossaryTerm> glossary(const json& doc) {
        std::vector<GlossaryTerm> out;
        const auto g = doc.find("glossary");
        if (g == doc.end()) return out;
        if (!g->is_array()) {
            error("glossary", g->dump(), "must be a list of terms");
            return out;
        }
        std::set<std::string> keys;
        for (std::size_t i = 0; i < g->size(); ++i) {
            const json& t = (*g)[i];
            const std::string where = "glossary[" + std::to_string(i) + "]";
            if (!t.is_object()) {
                error(where, t.dump(), "must be an object with a key, term, definition and forms");
                continue;
            }
            unknown_keys(t, where, kTermKeys);
            GlossaryTerm term{text(t, where, "key").value_or(""), text(t, where, "term").value_or(""),
                              text(t, where, "definition").value_or(""), strings(t, where, "forms")};
            if (!term.key.empty() && !keys.insert(term.key).second) {
                error(where + ".key", "\"" + term.key + "\"", "duplicate term; each key once");
            }
            out.push_back(std::move(term));
        }
        return out;
    }

    // The teach-back questions: each after a step the content has, with one right answer.
    std::vector<QuizQuestion> quiz(const json& doc, const std::vector<ProcedureStep>& steps) {
        std::vector<QuizQuestion> out;
        const auto q = doc.find("quiz");
        if (q == doc.end()) return out;
        if (!q->is_array()) {
            error("quiz", q->dump(), "must be a list of questions");
            return out;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < q->size(); ++i) {
            const json& o = (*q)[i];
            const std::string where = "quiz[" + std::to_string(i) + "]";
            if (!o.is_object()) {
                error(where, o.dump(), "must be an object with an id, after, question, choices or tap, and explanation");
                continue;
            }
            unknown_keys(o, where, kQuestionKeys);
            QuizQuestion question;
            question.id = text(o, where, "id").value_or("");
            if (!question.id.empty() && !kebab_case(question.id)) error(where + ".id", "\"" + question.id + "\"", "must be kebab-case");
            if (!question.id.empty() && !ids.insert(question.id).second) {
                error(where + ".id", "\"" + question.id + "\"", "duplicate id; each question needs its own");
            }
            question.after = text(o, where, "after").value_or("");
            if (!question.after.empty() &&
                std::none_of(steps.begin(), steps.end(), [&](const ProcedureStep& s) { return s.id == question.after; })) {
                error(where + ".after", "\"" + question.after + "\"", "no step has this id");
            }
            question.question = text(o, where, "question").value_or("");
            question.explanation = text(o, where, "explanation").value_or("");
            const bool has_choices = o.contains("choices"), has_tap = o.contains("tap");
            if (has_choices == has_tap) {
                error(where, "", "needs either choices (with an answer) or tap (a structure to find), not both");
            } else if (has_tap) {
                const json& t = o["tap"];
                question.tap = t.is_string() ? structure_from_key(t.get<std::string>()) : std::nullopt;
                if (!question.tap) error(where + ".tap", t.dump(), "unknown structure");
            } else {
                question.choices = strings(o, where, "choices");
                if (question.choices.size() < 2) error(where + ".choices", o["choices"].dump(), "needs at least two choices");
                for (std::size_t a = 0; a < question.choices.size(); ++a) {
                    for (std::size_t b = a + 1; b < question.choices.size(); ++b) {
                        if (question.choices[a] == question.choices[b]) {
                            error(where + ".choices", "\"" + question.choices[a] + "\"", "appears twice: one right answer needs distinct choices");
                        }
                    }
                }
                const auto n = static_cast<double>(std::max<std::size_t>(question.choices.size(), 1) - 1);
                question.answer = static_cast<int>(number(o, where, "answer", 0.0, n).value_or(0.0));
                if (o.contains("answer") && o["answer"].is_number() && o["answer"].get<double>() != static_cast<double>(question.answer)) {
                    error(where + ".answer", o["answer"].dump(), "must be a whole number: the index of the right choice");
                }
            }
            out.push_back(std::move(question));
        }
        return out;
    }

private:
    JsonReader r_;
    std::string_view text_;
};

StepAnimation animation_from(const std::string& name, bool& ok) {
    ok = true;
    if (name == "none") return StepAnimation::none;
    if (name == "iv") return StepAnimation::iv;
    if (name == "puncture") return StepAnimation::puncture;
    if (name == "needle") return StepAnimation::needle;
    if (name == "catheter") return StepAnimation::catheter;
    if (name == "tunnel") return StepAnimation::tunnel;
    if (name == "pump") return StepAnimation::pump;
    if (name == "pocket") return StepAnimation::pocket;
    if (name == "close") return StepAnimation::close;
    ok = false;
    return StepAnimation::none;
}

void read_ui(ContentReader& r, const json& doc, ProcedureContent& c) {
    const auto ui = doc.find("ui");
    if (ui == doc.end() || !ui->is_object()) {
        r.error("ui", "", "missing; every UI string of the language lives here");
        return;
    }
    for (const auto& key : required_ui_keys()) {
        if (const auto v = r.text(*ui, "ui", key.c_str())) c.ui[key] = *v;
    }
    std::set<std::string> known(required_ui_keys().begin(), required_ui_keys().end());
    r.unknown_keys(*ui, "ui", known);
}

void read_structures(ContentReader& r, const json& doc, ProcedureContent& c) {
    const auto st = doc.find("structures");
    if (st == doc.end() || !st->is_object()) {
        r.error("structures", "", "missing; every structure needs its name, term and description");
        return;
    }
    std::set<std::string> known;
    for (const auto& s : structures()) {
        const std::string key(s.key);
        known.insert(key);
        const auto it = st->find(key);
        if (it == st->end() || !it->is_object()) {
            r.error("structures." + key, "", "missing");
            continue;
        }
        const std::string path = "structures." + key;
        c.structures[key] = {r.text(*it, path, "name").value_or(""), r.text(*it, path, "term").value_or(""),
                             r.text(*it, path, "description").value_or("")};
    }
    r.unknown_keys(*st, "structures", known);
}

}  // namespace

std::string_view audience_key(Audience a) { return a == Audience::student ? "student" : "patient"; }

const std::vector<std::string>& required_ui_keys() {
    static const std::vector<std::string> keys{
        "app_subtitle", "education_note", "step_of", "back", "next", "replay", "play", "pause", "all_steps", "views",
        "show", "see_through", "cut", "cut_none", "cut_axial", "cut_left", "cut_front", "cut_level", "cut_depth",
        "implant", "catheter_tip", "needle_entry", "skin_tone", "body", "body_female", "body_male", "pump_20", "pump_40", "level_markers", "medicine_section", "show_medicine",
        "medicine", "rate", "strength", "day", "daily_amount", "not_advice", "now_along_spine", "all_days",
        "reservoir", "totals", "pump_note", "body_building", "language", "level", "level_patient", "level_student", "view_overview",
        "view_back", "view_side", "view_pump", "view_tip", "view_spread", "view_cross_section", "about", "about_text", "medicine_window",
        "drug_morphine", "drug_hydromorphone", "drug_fentanyl", "drug_sufentanil", "drug_bupivacaine", "drug_clonidine",
        "drug_baclofen", "drug_ziconotide", "relief", "relief_note", "ok", "day_time",
        "speed_1h", "speed_4h", "speed_1d", "structure_labels", "less", "more",
        "spread_words", "spread_words_far", "spread_model_note", "band_note", "spread_evidence", "illustrative_defaults",
        "amount_words", "schedule", "schedule_from", "add_step", "remove_step", "bolus", "bolus_dose", "bolus_minutes",
        "start_title", "touch_to_start", "still_there", "operator_title", "pin_prompt", "pin_wrong", "pin_locked",
        "cancel", "erase", "help", "help_title", "key_steps", "key_play", "key_home", "key_views", "key_camera",
        "key_help", "key_fullscreen", "key_screenshot", "key_presenter", "screenshot", "full_screen", "presenter",
        "screenshot_saved",
        "bolus_start", "program_file", "load", "save", "saved", "program_loaded",
        "contact_heading", "contact_team_named_phone", "contact_team_named", "contact_team_phone", "contact_team_unset",
        "contact_after_hours", "contact_emergency", "contact_emergency_local", "glossary", "glossary_title",
        "glossary_term_title", "words_in_step", "region_neck", "region_upper_back", "region_lower_back",
        "quiz_title", "quiz_tap_hint", "quiz_right", "quiz_not_quite", "quiz_next", "quiz_continue", "quiz_skip",
        "handout_title", "handout_medicine", "handout_tip", "handout_pump", "handout_notes", "handout_footer",
        "quiz_right_answer", "quiz_your_answer", "handout_save", "handout_print", "handout_making", "handout_printing",
        "handout_saved", "handout_printed", "handout_failed", "spread_action", "spread_urgent", "hours_since_start", "days_since_start", "dressed_cut"};
    return keys;
}

std::string ProcedureContent::text(std::string_view key) const {
    const auto it = ui.find(key);
    return it == ui.end() ? std::string(key) : it->second;
}

std::string ProcedureContent::format(std::string_view key, const std::map<std::string, std::string>& values) const {
    std::string s = text(key);
    for (const auto& [name, value] : values) {
        const std::string token = "{" + name + "}";
        for (std::size_t pos = s.find(token); pos != std::string::npos; pos = s.find(token, pos + value.size())) {
            s.replace(pos, token.size(), value);
        }
    }
    return s;
}

const StructureText* ProcedureContent::structure(Structure s) const {
    const auto it = structures.find(info(s).key);
    return it == structures.end() ? nullptr : &it->second;
}

namespace {
char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; }
// A letter of a word: ASCII letters and digits, and every byte of a UTF-8 sequence (accented letters).
bool word_byte(char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (u >= '0' && u <= '9') || (lower(ch) >= 'a' && lower(ch) <= 'z');
}
// Whether `form` occurs in `text` as a whole word (or words), ignoring ASCII case.
bool has_word(std::string_view text, std::string_view form) {
    if (form.empty() || form.size() > text.size()) return false;
    for (std::size_t i = 0; i + form.size() <= text.size(); ++i) {
        if (i > 0 && word_byte(text[i - 1])) continue;
        if (i + form.size() < text.size() && word_byte(text[i + form.size()])) continue;
        bool same = true;
        for (std::size_t k = 0; k < form.size() && same; ++k) same = lower(text[i + k]) == lower(form[k]);
        if (same) return true;
    }
    return false;
}
}  // namespace

std::vector<const GlossaryTerm*> ProcedureContent::terms_in(std::string_view text) const {
    std::vector<const GlossaryTerm*> out;
    for (const auto& t : glossary) {
        if (std::any_of(t.forms.begin(), t.forms.end(), [&](const std::string& f) { return has_word(text, f); })) out.push_back(&t);
    }
    return out;
}

std::string step_words(const StepText& t, bool with_paragraph) {
    std::string words = t.title + "\n" + t.caption;
    if (!with_paragraph) return words;
    words += "\n" + t.more;
    for (const auto& list : t.lists) {
        words += "\n" + list.heading;
        for (const auto& point : list.points) words += "\n" + point;
    }
    return words;
}

std::vector<std::string> signage_cards(const StepText& t) {
    if (!t.cards.empty()) return t.cards;
    return {t.caption};
}

ContentLoad parse_procedure(std::string_view json_text, const std::string& source,
                            const std::vector<std::string>& known_views) {
    ContentLoad out;
    ContentReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    if (!doc->is_object() || !doc->contains("steps") || !(*doc)["steps"].is_array() || (*doc)["steps"].empty()) {
        out.errors.push_back({source, 1, "steps", "", "expected an object with a non-empty \"steps\" array"});
        return out;
    }
    ProcedureContent& c = out.content;
    r.unknown_keys(*doc, "", kTopKeys);
    c.language = r.text(*doc, "", "language").value_or("en");
    c.language_name = r.text(*doc, "", "language_name").value_or(c.language);
    c.version = r.text(*doc, "", "version").value_or("");
    c.review_date = r.text(*doc, "", "review_date").value_or("");
    for (auto& e : out.errors) {
        if (e.field.starts_with(".")) e.field.erase(0, 1);
    }
    read_ui(r, *doc, c);
    read_structures(r, *doc, c);
    std::set<std::string> ids;
    const json& steps = (*doc)["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const json& s = steps[i];
        const std::string path = "steps[" + std::to_string(i) + "]";
        if (!s.is_object()) {
            r.error(path, s.dump(), "must be an object");
            continue;
        }
        r.unknown_keys(s, path, kStepKeys);
        ProcedureStep step;
        step.id = r.text(s, path, "id").value_or("");
        if (!step.id.empty() && !kebab_case(step.id)) r.error(path + ".id", "\"" + step.id + "\"", "must be kebab-case");
        if (!step.id.empty() && !ids.insert(step.id).second) {
            r.error(path + ".id", "\"" + step.id + "\"", "duplicate id; each step needs its own");
        }
        step.view = r.text(s, path, "view").value_or("");
        if (!step.view.empty() && std::find(known_views.begin(), known_views.end(), step.view) == known_views.end()) {
            r.error(path + ".view", "\"" + step.view + "\"", "unknown view");
        }
        if (s.contains("duration_s")) step.duration_s = r.number(s, path, "duration_s", 3.0, 120.0).value_or(12.0);
        step.highlight_mask = r.structure_list(s, path, "highlight");
        step.hide_mask = r.structure_list(s, path, "hide");
        step.xray_mask = r.structure_list(s, path, "xray");
        step.label_mask = s.contains("labels") ? r.structure_list(s, path, "labels") : step.highlight_mask;
        if (const auto a = s.find("animation"); a != s.end()) {
            bool ok = false;
            step.animation = a->is_string() ? animation_from(a->get<std::string>(), ok) : StepAnimation::none;
            if (!ok) r.error(path + ".animation", a->dump(), "unknown animation (none, iv, puncture, needle, catheter, tunnel, pocket, pump, close)");
        }
        if (const auto pose = s.find("pose"); pose != s.end()) {
            if (*pose == "upright") step.pose = BodyPose::upright;
            else if (*pose == "lateral") step.pose = BodyPose::lateral;
            else r.error(path + ".pose", pose->dump(), "unknown pose (upright, lateral)");
        }
        if (const auto contacts = s.find("contacts"); contacts != s.end()) {
            if (contacts->is_boolean()) step.contacts = contacts->get<bool>();
            else r.error(path + ".contacts", contacts->dump(), "must be true or false");
        }
        step.patient = r.step_text(s, path, "patient");
        step.student = r.step_text(s, path, "student");
        c.steps.push_back(std::move(step));
    }
    c.glossary = r.glossary(*doc);
    c.quiz = r.quiz(*doc, c.steps);
    return out;
}

ContentLoad load_procedure(const std::filesystem::path& file, const std::vector<std::string>& known_views) {
    ContentLoad out;
    const auto text = read_text_file(file);
    if (!text) {
        out.errors.push_back({file.string(), 0, "", "", "cannot open the content file; using the built-in English steps"});
    } else {
        out = parse_procedure(*text, file.string(), known_views);
        if (out.errors.empty()) return out;
    }
    ContentLoad fallback = parse_procedure(built_in_procedure_json(), "<built-in>", known_views);
    fallback.errors.insert(fallback.errors.begin(), out.errors.begin(), out.errors.end());
    fallback.used_built_in = true;
    return fallback;
}

const ProcedureContent* ContentLibrary::find(std::string_view code) const {
    for (const auto& c : languages) {
        if (c.language == code) return &c;
    }
    return nullptr;
}

ContentLibrary load_content_library(const std::filesystem::path& content_dir, const std::vector<std::string>& known_views) {
    ContentLibrary lib;
    ContentLoad english = load_procedure(content_dir / "en" / "steps.json", known_views);
    lib.errors = english.errors;
    lib.languages.push_back(std::move(english.content));
    std::error_code ec;
    std::vector<std::filesystem::path> others;
    for (const auto& entry : std::filesystem::directory_iterator(content_dir, ec)) {
        if (entry.is_directory() && entry.path().filename() != "en") others.push_back(entry.path());
    }
    std::sort(others.begin(), others.end());
    for (const auto& dir : others) {
        const auto file = dir / "steps.json";
        const auto text = read_text_file(file);
        if (!text) continue;
        ContentLoad load = parse_procedure(*text, file.string(), known_views);
        if (!load.errors.empty()) {
            lib.errors.insert(lib.errors.end(), load.errors.begin(), load.errors.end());
            continue;
        }
        lib.languages.push_back(std::move(load.content));
    }
    return lib;
}

}  // namespace thecaview
