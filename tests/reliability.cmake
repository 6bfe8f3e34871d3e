# Reliability tests: corpus replay of the fuzz targets, size limits, bad input.
# Included at the end of tests/CMakeLists.txt:
#     include(${CMAKE_CURRENT_SOURCE_DIR}/reliability.cmake)
# The fuzz replays need no Criterion and no libFuzzer: each target's LLVMFuzzerTestOneInput runs
# on every file of tests/fuzz/corpus/<target> through tests/fuzz/replay.c, under whatever
# sanitizers the build uses (the asan preset: ASan + UBSan). Long fuzzing: tests/fuzz/run.sh.
set(LEV_FUZZ_TARGETS edges_csv actors_csv resources_csv api)
foreach(t ${LEV_FUZZ_TARGETS})
  add_executable(fuzz_replay_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_${t}.c ${CMAKE_CURRENT_LIST_DIR}/fuzz/replay.c)
  target_compile_options(fuzz_replay_${t} PRIVATE ${LEV_WARNINGS})
  target_link_libraries(fuzz_replay_${t} PRIVATE leverage m)
  add_test(NAME fuzz_replay_${t} COMMAND fuzz_replay_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz/corpus/${t})
endforeach()

# Criterion tests (tests/CMakeLists.txt returns before this file is included when Criterion is
# missing, so PkgConfig::CRITERION exists here).
if(TARGET PkgConfig::CRITERION)
  # test_limits reads src/internal.h and sets counts to the limits, so it links the static library.
  add_executable(test_limits ${CMAKE_CURRENT_LIST_DIR}/test_limits.c)
  target_include_directories(test_limits PRIVATE ${CMAKE_CURRENT_LIST_DIR} ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(test_limits PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_compile_options(test_limits PRIVATE ${LEV_WARNINGS})
  target_link_libraries(test_limits PRIVATE leverage_static PkgConfig::CRITERION m Threads::Threads)
  add_test(NAME limits COMMAND test_limits --jobs 2)
  set_tests_properties(limits PROPERTIES TIMEOUT 300)

  # test_compact checks the compact form's arrays themselves (src/internal.h, static library).
  add_executable(test_compact ${CMAKE_CURRENT_LIST_DIR}/test_compact.c)
  target_include_directories(test_compact PRIVATE ${CMAKE_CURRENT_LIST_DIR} ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(test_compact PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_compile_options(test_compact PRIVATE ${LEV_WARNINGS})
  target_link_libraries(test_compact PRIVATE leverage_static PkgConfig::CRITERION m Threads::Threads)
  add_test(NAME compact COMMAND test_compact --jobs 2)

  add_executable(test_badinput ${CMAKE_CURRENT_LIST_DIR}/test_badinput.c)
  target_include_directories(test_badinput PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  target_compile_definitions(test_badinput PRIVATE LEV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_compile_options(test_badinput PRIVATE ${LEV_WARNINGS})
  target_link_libraries(test_badinput PRIVATE leverage PkgConfig::CRITERION m Threads::Threads)
  add_test(NAME badinput COMMAND test_badinput --jobs 2)
endif()
