# Install libleverage into a scratch prefix, then build and run a consumer against the installed
# copy twice: once through pkg-config, once through find_package(leverage).
#   cmake -DSRC=<source> -DBUILD=<build> -DWORK=<scratch> -P run.cmake
file(REMOVE_RECURSE ${WORK})
set(PREFIX ${WORK}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed")
endif()
file(GLOB_RECURSE pcs ${PREFIX}/*/leverage.pc)
list(GET pcs 0 pc)
get_filename_component(pcdir ${pc} DIRECTORY)
get_filename_component(libdir ${pcdir} DIRECTORY)

# 1. pkg-config, shared library.
set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND pkg-config --cflags --libs leverage OUTPUT_VARIABLE flags RESULT_VARIABLE rc
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config cannot find leverage.pc")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND cc -std=c11 -Wall -Werror ${SRC}/tests/install/consumer.c ${flags} -o ${WORK}/consumer_pc
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "consumer did not build through pkg-config")
endif()
set(ENV{LD_LIBRARY_PATH} ${libdir})
execute_process(COMMAND ${WORK}/consumer_pc RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "pagerank ok")
  message(FATAL_ERROR "pkg-config consumer failed: ${out}")
endif()
message(STATUS "pkg-config consumer: ${out}")

# 2. find_package(leverage), target leverage::leverage.
file(MAKE_DIRECTORY ${WORK}/cmake-consumer)
file(WRITE ${WORK}/cmake-consumer/CMakeLists.txt
"cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(leverage 0.1 REQUIRED)
add_executable(consumer ${SRC}/tests/install/consumer.c)
target_link_libraries(consumer PRIVATE leverage::leverage)
")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/cmake-consumer -B ${WORK}/cmake-consumer/build
  -DCMAKE_PREFIX_PATH=${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "find_package(leverage) failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/cmake-consumer/build RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "consumer did not build through find_package")
endif()
execute_process(COMMAND ${WORK}/cmake-consumer/build/consumer RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "pagerank ok")
  message(FATAL_ERROR "find_package consumer failed: ${out}")
endif()
message(STATUS "find_package consumer: ${out}")
