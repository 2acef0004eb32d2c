# crossdock_add_library(<name> [DEPENDS <public targets>...] [PRIVATE <private targets>...])
#
# One library per module folder: public headers in <name>/include, sources in
# <name>/src/*.cpp. Defines crossdock_<name> with the alias crossdock::<name>.
function(crossdock_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;PRIVATE" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  if(NOT sources)  # a module that is still headers only
    add_library(crossdock_${name} INTERFACE)
    add_library(crossdock::${name} ALIAS crossdock_${name})
    target_include_directories(crossdock_${name} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(crossdock_${name} INTERFACE ${ARG_DEPENDS})
    return()
  endif()
  add_library(crossdock_${name} STATIC ${sources})
  add_library(crossdock::${name} ALIAS crossdock_${name})
  target_include_directories(crossdock_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(crossdock_${name} PUBLIC ${ARG_DEPENDS} PRIVATE crossdock_warnings ${ARG_PRIVATE})
endfunction()

# crossdock_add_test(<name> SOURCES <files>... DEPENDS <targets>... [LABELS <labels>...])
#
# One Boost.Test binary, registered with CTest under the same name.
function(crossdock_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} Boost::unit_test_framework crossdock_warnings)
  target_compile_definitions(${name} PRIVATE BOOST_TEST_DYN_LINK)
  add_test(NAME ${name} COMMAND ${name} --log_level=message)
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()

# crossdock_add_database_tests(<binary> PREFIX <name> LABEL <label> [TIMEOUT <seconds>])
#
# Registers one test binary twice over the same cases: <name>_sqlite on a temporary
# SQLite file (CROSSDOCK_TEST_DB unset) and <name>_postgresql inside a throwaway
# cluster from tests/scripts/with_postgres.sh (skipped, exit 77, without PostgreSQL).
function(crossdock_add_database_tests binary)
  cmake_parse_arguments(ARG "" "PREFIX;LABEL;TIMEOUT" "" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  add_test(NAME ${ARG_PREFIX}_sqlite COMMAND ${binary} --log_level=message)
  set_tests_properties(${ARG_PREFIX}_sqlite PROPERTIES
    LABELS "${ARG_LABEL};sqlite"
    ENVIRONMENT_MODIFICATION "CROSSDOCK_TEST_DB=unset:"
    TIMEOUT ${ARG_TIMEOUT})
  add_test(NAME ${ARG_PREFIX}_postgresql
    COMMAND ${PROJECT_SOURCE_DIR}/tests/scripts/with_postgres.sh $<TARGET_FILE:${binary}> --log_level=message)
  set_tests_properties(${ARG_PREFIX}_postgresql PROPERTIES
    LABELS "${ARG_LABEL};postgresql"
    SKIP_RETURN_CODE 77
    TIMEOUT ${ARG_TIMEOUT})
endfunction()
