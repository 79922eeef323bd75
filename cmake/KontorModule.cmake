# kontor_module(NAME SOURCES... [DEPS targets...]): a module's static library. Public headers are
# included as "module/header.h" from src/.
function(kontor_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(kontor_${name} STATIC ${ARG_SOURCES})
  target_include_directories(kontor_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(kontor_${name} PUBLIC ${ARG_DEPS})
  target_compile_definitions(kontor_${name} PRIVATE
    KONTOR_DEFAULT_DATA_DIR="${KONTOR_DEFAULT_DATA_DIR}"
    KONTOR_REPO_DATA_DIR="${KONTOR_REPO_DATA_DIR}")
endfunction()

# kontor_test(MODULE): one GoogleTest binary per tests/<module>/ folder from its *_test.cc files.
function(kontor_test module)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT sources)
    return()
  endif()
  add_executable(${module}_test ${sources})
  # A module's tests link that module (and what it depends on), so work in progress elsewhere
  # cannot break them; tests of programs (no module library) link everything.
  set(type "")
  if(TARGET kontor_${module})
    get_target_property(type kontor_${module} TYPE)
  endif()
  if(type STREQUAL "STATIC_LIBRARY")
    target_link_libraries(${module}_test PRIVATE kontor_${module})
  else()
    target_link_libraries(${module}_test PRIVATE kontor)
  endif()
  target_link_libraries(${module}_test PRIVATE GTest::gtest_main GTest::gmock)
  target_compile_definitions(${module}_test PRIVATE
    KONTOR_DEFAULT_DATA_DIR="${KONTOR_DEFAULT_DATA_DIR}"
    KONTOR_DEFAULT_BENCH_DIR="${KONTOR_DEFAULT_BENCH_DIR}"
    KONTOR_REPO_DATA_DIR="${KONTOR_REPO_DATA_DIR}"
    KONTOR_TEST_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
  gtest_discover_tests(${module}_test DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
endfunction()

# kontor_module_glob(NAME [DEPS targets...]): a module built from every *.cc in its folder
# (several engineers can add files without touching one list). No library while it is empty.
function(kontor_module_glob name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(sources)
    kontor_module(${name} SOURCES ${sources} DEPS ${ARG_DEPS})
  endif()
endfunction()
