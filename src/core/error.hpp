// Input errors as values: what was wrong, where (file, line, field) and the offending value.
#pragma once

#include <string>
#include <vector>

namespace thecaview {

struct InputError {
    std::string file;     // path as given, or "<built-in>" / "<command line>"
    int line = 0;         // 1-based; 0 when not known
    std::string field;    // e.g. "steps[2].view"
    std::string value;    // the offending value as text
    std::string message;  // what is wrong and what was expected

    // "file:line: field = value: message", leaving out the parts that are empty.
    [[nodiscard]] std::string to_string() const;
};

using InputErrors = std::vector<InputError>;

}  // namespace thecaview
