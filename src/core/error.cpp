// Formats input errors for people.
#include "core/error.hpp"

#include <sstream>

namespace thecaview {

std::string InputError::to_string() const {
    std::ostringstream out;
    out << (file.empty() ? "<input>" : file.c_str());
    if (line > 0) out << ':' << line;
    out << ": ";
    if (!field.empty()) {
        out << field;
        if (!value.empty()) out << " = " << value;
        out << ": ";
    }
    out << message;
    return out.str();
}

}  // namespace thecaview
