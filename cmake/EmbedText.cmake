# cmake -DINPUT=file -DOUTPUT=file.cpp -DHEADER=core/x.hpp -DFUNCTION=name -P EmbedText.cmake:
# a shipped asset compiled in as a string, the fallback when the file on disk is missing or broken.
file(READ ${INPUT} text)
get_filename_component(name ${INPUT} NAME)
file(WRITE ${OUTPUT}.tmp
"// Generated from ${name} by cmake/EmbedText.cmake; do not edit.
#include \"${HEADER}\"
namespace thecaview {
std::string_view ${FUNCTION}() {
    static constexpr char kText[] = R\"thecaview_json(${text})thecaview_json\";
    return {kText, sizeof(kText) - 1};
}
}  // namespace thecaview
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
