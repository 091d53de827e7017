// The clinic's names and numbers (from the config) as lines of text in the language shown, for
// the "when to get help" screen and the handout. Only what is set is shown: nothing is invented.
#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/content.hpp"

namespace thecaview {

// The care team (name and phone, whichever are set, else a line asking the reader to keep their
// team's number near), the after-hours phone when set, and the emergency number, or "your local
// emergency number" when none is set.
std::vector<std::string> care_contact_lines(const CareContacts& contacts, const ProcedureContent& content);

}  // namespace thecaview
