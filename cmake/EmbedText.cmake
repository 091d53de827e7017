# cmake -DINPUT=file -DOUTPUT=file.cpp -P EmbedText.cmake: the built-in content as a string.
file(READ ${INPUT} text)
file(WRITE ${OUTPUT}.tmp
"// Generated from assets/content/en/steps.json by cmake/EmbedText.cmake; do not edit.
#include \"core/content.hpp\"
namespace thecaview {
std::string_view built_in_procedure_json() {
    static constexpr char kText[] = R\"thecaview_json(${text})thecaview_json\";
    return {kText, sizeof(kText) - 1};
}
}  // namespace thecaview
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
