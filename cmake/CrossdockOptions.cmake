# Build options shared by every target: warnings, sanitizers, ccache.

option(CROSSDOCK_WERROR "Treat warnings as errors (on in CI)" OFF)
option(CROSSDOCK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

# Every crossdock target links this INTERFACE target for its warnings.
add_library(crossdock_warnings INTERFACE)
target_compile_options(crossdock_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  $<$<BOOL:${CROSSDOCK_WERROR}>:-Werror>)

if(CROSSDOCK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
