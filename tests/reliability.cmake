# Reliability tests: corpus replay of the fuzz targets, size limits, bad input.
# Included at the end of tests/CMakeLists.txt:
#     include(${CMAKE_CURRENT_SOURCE_DIR}/reliability.cmake)
# The fuzz replays need no Criterion and no libFuzzer: each target's LLVMFuzzerTestOneInput runs
# on every file of tests/fuzz/corpus/<target> through tests/fuzz/replay.c, under whatever
# sanitizers the build uses (the asan preset: ASan + UBSan). Long fuzzing: tests/fuzz/run.sh.
set(LEV_FUZZ_TARGETS edges_csv actors_csv resources_csv api)
list(APPEND LEV_FUZZ_TARGETS graphml pajek gml) # interchange formats (issue 21)
foreach(t ${LEV_FUZZ_TARGETS})
  add_executable(fuzz_replay_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_${t}.c ${CMAKE_CURRENT_LIST_DIR}/fuzz/replay.c)
  target_compile_options(fuzz_replay_${t} PRIVATE ${LEV_WARNINGS})
  target_link_libraries(fuzz_replay_${t} PRIVATE leverage m)
  add_test(NAME fuzz_replay_${t} COMMAND fuzz_replay_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz/corpus/${t})
endforeach()

# Criterion tests (tests/CMakeLists.txt returns before this file is included when Criterion is
# missing, so PkgConfig::CRITERION exists here).
if(TARGET PkgConfig::CRITERION)
  # test_limits and test_compact read src/internal.h (test_limits sets counts to the limits,
  # test_compact checks the compact form's arrays), so they link the static library.
  foreach(t limits compact)
    add_executable(test_${t} ${CMAKE_CURRENT_LIST_DIR}/test_${t}.c)
    target_include_directories(test_${t} PRIVATE ${CMAKE_CURRENT_LIST_DIR} ${PROJECT_SOURCE_DIR}/src)
    target_compile_definitions(test_${t} PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    target_compile_options(test_${t} PRIVATE ${LEV_WARNINGS})
    target_link_libraries(test_${t} PRIVATE leverage_static PkgConfig::CRITERION m Threads::Threads)
    add_test(NAME ${t} COMMAND test_${t} --jobs 2)
  endforeach()
  set_tests_properties(limits PROPERTIES TIMEOUT 300)

  # test_malloc_fail makes the C library's malloc fail inside the static library (--wrap=malloc):
  # the calls without a network allocator (inequality measures, lev_params_new).
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE)
    add_executable(test_malloc_fail ${CMAKE_CURRENT_LIST_DIR}/test_malloc_fail.c)
    target_include_directories(test_malloc_fail PRIVATE ${CMAKE_CURRENT_LIST_DIR})
    target_compile_definitions(test_malloc_fail PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    target_compile_options(test_malloc_fail PRIVATE ${LEV_WARNINGS})
    target_link_libraries(test_malloc_fail PRIVATE leverage_static PkgConfig::CRITERION m Threads::Threads
      -Wl,--wrap=malloc)
    add_test(NAME malloc_fail COMMAND test_malloc_fail --jobs 2)
  endif()

  add_executable(test_badinput ${CMAKE_CURRENT_LIST_DIR}/test_badinput.c)
  target_include_directories(test_badinput PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  target_compile_definitions(test_badinput PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_compile_options(test_badinput PRIVATE ${LEV_WARNINGS})
  target_link_libraries(test_badinput PRIVATE leverage PkgConfig::CRITERION m Threads::Threads)
  add_test(NAME badinput COMMAND test_badinput --jobs 2)
  # Rows 365-372 (interchange formats) depend on the optional expat and zlib.
  target_compile_definitions(test_badinput PRIVATE LEV_TEST_EXPAT=$<BOOL:${LEV_HAVE_EXPAT}>
    LEV_TEST_ZLIB=$<BOOL:${LEV_HAVE_ZLIB}>)
endif()
