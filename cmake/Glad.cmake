# Generates the OpenGL 3.3 core loader into the build tree with Debian's glad 2 command.
# --reproducible keeps glad offline (it uses its bundled GL registry). The output is
# regenerated only when the options below change.

set(GLAD_OPTIONS --api gl:core=3.3 --reproducible)
set(GLAD_OUT_DIR ${CMAKE_BINARY_DIR}/glad)
set(GLAD_STAMP ${GLAD_OUT_DIR}/options.txt)
string(JOIN " " GLAD_OPTIONS_TEXT ${GLAD_OPTIONS})

set(glad_current "")
if(EXISTS ${GLAD_STAMP})
  file(READ ${GLAD_STAMP} glad_current)
endif()
if(NOT glad_current STREQUAL GLAD_OPTIONS_TEXT OR NOT EXISTS ${GLAD_OUT_DIR}/src/gl.c)
  message(STATUS "Generating the GL loader: glad ${GLAD_OPTIONS_TEXT}")
  execute_process(
    COMMAND ${GLAD_EXECUTABLE} ${GLAD_OPTIONS} --quiet --out-path ${GLAD_OUT_DIR} c
    RESULT_VARIABLE glad_result OUTPUT_VARIABLE glad_output ERROR_VARIABLE glad_output)
  if(NOT glad_result EQUAL 0 OR NOT EXISTS ${GLAD_OUT_DIR}/src/gl.c)
    message(FATAL_ERROR "glad failed (${glad_result}):\n${glad_output}\n"
                        "Is Debian's python3-glad installed?")
  endif()
  file(WRITE ${GLAD_STAMP} "${GLAD_OPTIONS_TEXT}")
endif()

add_library(glad STATIC ${GLAD_OUT_DIR}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_OUT_DIR}/include)
target_link_libraries(glad PUBLIC ${CMAKE_DL_LIBS})
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
