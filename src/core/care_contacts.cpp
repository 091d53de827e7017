// The care team's contacts in words.
#include "core/care_contacts.hpp"

namespace thecaview {

std::vector<std::string> care_contact_lines(const CareContacts& c, const ProcedureContent& content) {
    std::vector<std::string> lines;
    const bool named = !c.care_team_name.empty(), phone = !c.care_team_phone.empty();
    if (named && phone) {
        lines.push_back(content.format("contact_team_named_phone", {{"name", c.care_team_name}, {"phone", c.care_team_phone}}));
    } else if (named) {
        lines.push_back(content.format("contact_team_named", {{"name", c.care_team_name}}));
    } else if (phone) {
        lines.push_back(content.format("contact_team_phone", {{"phone", c.care_team_phone}}));
    } else {
        lines.push_back(content.text("contact_team_unset"));
    }
    if (!c.after_hours_phone.empty()) lines.push_back(content.format("contact_after_hours", {{"phone", c.after_hours_phone}}));
    lines.push_back(c.emergency_phone.empty() ? content.text("contact_emergency_local")
                                              : content.format("contact_emergency", {{"phone", c.emergency_phone}}));
    return lines;
}

}  // namespace thecaview
