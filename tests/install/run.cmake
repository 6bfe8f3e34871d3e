# Install libleverage into a scratch prefix and come in each way a user does, from the prefix only:
#   1. the CLI, PREFIX/bin/leverage analyze (its install RPATH finds the library);
#   2. a C program through pkg-config, shared and --static;
#   3. a C program through find_package(leverage): leverage::leverage and leverage::leverage_static;
#   4. require "leverage" in Lua with only PREFIX/lib/lua/5.4 on LUA_CPATH, and a host linking the
#      module in through pkg-config's leverage-lua; luarocks make of the rockspec, when installed;
#   5. import leverage in Python with only the prefix's package directory on the path;
#   6. pip install of bindings/python after the build: the package bundles the library;
#   7. libleverage_mpi, when built: pkg-config leverage-mpi, find_package(leverage COMPONENTS mpi).
#   cmake -DSRC=<source> -DBUILD=<build> -DWORK=<scratch> [-DLUA=<lua5.4>] [-DPY=<python3>] -P run.cmake
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
# Nothing from the build tree or the caller's environment may help the installed copy.
unset(ENV{LD_LIBRARY_PATH})
unset(ENV{LEVERAGE_LIBRARY})
unset(ENV{PYTHONPATH})
unset(ENV{LUA_PATH})
unset(ENV{LUA_CPATH})

function(expect what out pattern)
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: expected /${pattern}/ in:\n${out}")
  endif()
  string(REGEX MATCH "[^\n]*${pattern}[^\n]*" line "${out}")
  message(STATUS "${what}: ${line}")
endfunction()

# 1. The CLI.
execute_process(COMMAND ${PREFIX}/bin/leverage analyze RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "installed leverage analyze failed (${rc}): ${err}")
endif()
expect("installed CLI" "${out}" "Medici is the top leverage point")

# 2. pkg-config, shared library, then --static (a fully static program).
set(ENV{PKG_CONFIG_PATH} ${pcdir})
foreach(kind shared static)
  if(kind STREQUAL "static")
    set(pcargs --static)
    set(ccargs -static)
  else()
    set(pcargs)
    set(ccargs)
  endif()
  execute_process(COMMAND pkg-config ${pcargs} --cflags --libs leverage OUTPUT_VARIABLE flags RESULT_VARIABLE rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc)
    message(FATAL_ERROR "pkg-config cannot find leverage.pc")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  execute_process(COMMAND cc -std=c11 -Wall -Werror ${ccargs} ${SRC}/tests/install/consumer.c ${flags}
    -o ${WORK}/consumer_pc_${kind} RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "consumer did not build through pkg-config (${kind}): cc ${ccargs} ... ${flags}")
  endif()
  if(kind STREQUAL "shared")  # no RPATH in a plain cc link: the loader is told where the prefix is
    set(run ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} ${WORK}/consumer_pc_${kind})
  else()
    set(run ${WORK}/consumer_pc_${kind})
  endif()
  execute_process(COMMAND ${run} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(rc)
    message(FATAL_ERROR "pkg-config consumer (${kind}) failed: ${out}")
  endif()
  expect("pkg-config consumer (${kind})" "${out}" "pagerank ok")
endforeach()

# 3. find_package(leverage): both exported targets, in one consumer project.
file(MAKE_DIRECTORY ${WORK}/cmake-consumer)
file(WRITE ${WORK}/cmake-consumer/CMakeLists.txt
"cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(leverage 0.1 REQUIRED)
add_executable(consumer ${SRC}/tests/install/consumer.c)
target_link_libraries(consumer PRIVATE leverage::leverage)
add_executable(consumer_static ${SRC}/tests/install/consumer.c)
target_link_libraries(consumer_static PRIVATE leverage::leverage_static)
")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/cmake-consumer -B ${WORK}/cmake-consumer/build
  -DCMAKE_PREFIX_PATH=${PREFIX} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "find_package(leverage) failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/cmake-consumer/build RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc)
  message(FATAL_ERROR "consumer did not build through find_package:\n${out}")
endif()
foreach(exe consumer consumer_static)
  execute_process(COMMAND ${WORK}/cmake-consumer/build/${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  if(rc)
    message(FATAL_ERROR "find_package ${exe} failed: ${out}")
  endif()
  expect("find_package ${exe}" "${out}" "pagerank ok")
endforeach()
execute_process(COMMAND readelf -d ${WORK}/cmake-consumer/build/consumer_static OUTPUT_VARIABLE out)
if(out MATCHES "libleverage")
  message(FATAL_ERROR "leverage::leverage_static linked the shared library:\n${out}")
endif()

# 4. Lua: the installed module alone on LUA_CPATH; a host linking the module in.
if(LUA)
  file(GLOB luamod ${PREFIX}/*/lua/5.4/leverage.so)
  if(NOT luamod)
    message(FATAL_ERROR "the Lua module is not installed under PREFIX/lib/lua/5.4")
  endif()
  get_filename_component(luadir ${luamod} DIRECTORY)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env "LUA_CPATH=${luadir}/?.so" "LUA_PATH=${WORK}/?.lua"
    ${LUA} -e "local l = require 'leverage'; local net = l.network(); net:read('${SRC}/examples/data/florentine_edges.csv', 'edges'); local pr = net:pagerank{undirected = true}; print(package.searchpath('leverage', package.cpath), l.version(), string.format('Medici %.4f', pr.Medici))"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "require 'leverage' from the prefix failed: ${err}")
  endif()
  expect("Lua require" "${out}" "^${luadir}/leverage.so.*Medici 0\\.14")
  execute_process(COMMAND pkg-config --exists lua5.4 RESULT_VARIABLE no_lua_pc)
  if(NOT no_lua_pc)
    execute_process(COMMAND pkg-config --cflags --libs leverage-lua lua5.4 OUTPUT_VARIABLE flags RESULT_VARIABLE rc
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(rc)
      message(FATAL_ERROR "pkg-config cannot find leverage-lua.pc")
    endif()
    separate_arguments(flags UNIX_COMMAND "${flags}")
    execute_process(COMMAND cc -std=c11 -Wall -Werror ${SRC}/tests/install/lua_host.c ${flags} -o ${WORK}/lua_host
      RESULT_VARIABLE rc)
    if(rc)
      message(FATAL_ERROR "a Lua host did not build through pkg-config leverage-lua: ${flags}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} ${WORK}/lua_host
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc)
      message(FATAL_ERROR "the Lua host failed: ${out}${err}")
    endif()
    expect("Lua host (leverage-lua.pc)" "${out}" "^2 actors")
  endif()
  # LuaRocks (when installed): the rockspec builds the module against the installed library.
  find_program(LUAROCKS luarocks)
  if(LUAROCKS)
    file(MAKE_DIRECTORY ${WORK}/rocktree/bindings)
    file(COPY ${SRC}/bindings/lua DESTINATION ${WORK}/rocktree/bindings PATTERN "tests" EXCLUDE)
    execute_process(COMMAND ${LUAROCKS} --lua-version=5.4 --tree ${WORK}/rocks make
      bindings/lua/leverage-0.1.0-1.rockspec LEVERAGE_DIR=${PREFIX}
      WORKING_DIRECTORY ${WORK}/rocktree RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc)
      message(FATAL_ERROR "luarocks make failed:\n${out}\n${err}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E env "LUA_CPATH=${WORK}/rocks/lib/lua/5.4/?.so"
      ${LUA} -e "print(package.searchpath('leverage', package.cpath), require('leverage').version())"
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc)
      message(FATAL_ERROR "require 'leverage' after luarocks make failed: ${err}")
    endif()
    expect("Lua require (luarocks make)" "${out}" "^${WORK}/rocks/lib/lua/5.4/leverage.so")
  else()
    message(STATUS "luarocks not installed: the rockspec is not checked")
  endif()
endif()

# 5. Python: only the prefix's package directory on the path; the package loads the prefix's library.
if(PY)
  file(GLOB pyinit ${PREFIX}/lib/python3*/*-packages/leverage/__init__.py)
  if(NOT pyinit)
    message(FATAL_ERROR "the Python package is not installed under PREFIX/lib/python3.X/")
  endif()
  get_filename_component(pkgdir ${pyinit} DIRECTORY)
  get_filename_component(pydir ${pkgdir} DIRECTORY)
  set(code "import leverage, os; net = leverage.Network.from_csv('${SRC}/examples/data/florentine_edges.csv'); print(os.path.realpath(leverage.library_path()), 'Medici %.4f' % net.pagerank(undirected=True)['Medici'])")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${pydir} PYTHONDONTWRITEBYTECODE=1 ${PY} -c "${code}"
    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "import leverage from the prefix failed: ${err}")
  endif()
  file(REAL_PATH ${libdir} reallibdir)
  expect("Python import (cmake --install)" "${out}" "^${reallibdir}/libleverage.so.*Medici 0\\.14")

  # 6. pip install bindings/python after the build, from a copy of the tree whose build/ is this build.
  execute_process(COMMAND ${PY} -c "import setuptools, pip" RESULT_VARIABLE no_pip OUTPUT_QUIET ERROR_QUIET)
  if(no_pip)
    message(STATUS "pip or setuptools missing: the pip install check is skipped")
  else()
    file(MAKE_DIRECTORY ${WORK}/tree/bindings)
    file(COPY ${SRC}/bindings/python DESTINATION ${WORK}/tree/bindings PATTERN "__pycache__" EXCLUDE
      PATTERN "build" EXCLUDE PATTERN "*.egg-info" EXCLUDE)
    file(CREATE_LINK ${BUILD} ${WORK}/tree/build SYMBOLIC)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
      ${PY} -m pip install --no-build-isolation --no-deps --quiet --target ${WORK}/pip ${WORK}/tree/bindings/python
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc)
      message(FATAL_ERROR "pip install bindings/python failed:\n${out}\n${err}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${WORK}/pip PYTHONDONTWRITEBYTECODE=1 ${PY} -c "${code}"
      WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc)
      message(FATAL_ERROR "import leverage after pip install failed: ${err}")
    endif()
    expect("Python import (pip install)" "${out}" "^${WORK}/pip/leverage/libleverage.so .*Medici 0\\.14")
  endif()
endif()

# 7. libleverage_mpi, when it was built: libleverage itself needs no MPI; the installed
#    leverage-mpi prints what the installed leverage prints; a program through pkg-config
#    leverage-mpi and one through find_package(leverage COMPONENTS mpi) run under mpirun.
if(EXISTS ${PREFIX}/bin/leverage-mpi)
  set(ENV{OMPI_ALLOW_RUN_AS_ROOT} 1)
  set(ENV{OMPI_ALLOW_RUN_AS_ROOT_CONFIRM} 1)
  set(ENV{OMPI_MCA_rmaps_base_oversubscribe} 1)
  file(GLOB corelib ${libdir}/libleverage.so.0)
  execute_process(COMMAND readelf -d ${corelib} OUTPUT_VARIABLE out)
  if(out MATCHES "libmpi")
    message(FATAL_ERROR "libleverage depends on MPI:\n${out}")
  endif()
  set(flor ${SRC}/examples/data/florentine_edges.csv)
  execute_process(COMMAND ${PREFIX}/bin/leverage rank --measure pagerank ${flor} OUTPUT_VARIABLE want)
  execute_process(COMMAND mpirun -np 2 ${PREFIX}/bin/leverage-mpi rank --measure pagerank ${flor}
    RESULT_VARIABLE rc OUTPUT_VARIABLE got ERROR_VARIABLE err)
  if(rc OR NOT got STREQUAL want)
    message(FATAL_ERROR "installed leverage-mpi (${rc}) differs from leverage:\n${got}\n${err}")
  endif()
  message(STATUS "installed leverage-mpi on 2 ranks: the same output as leverage")
  execute_process(COMMAND pkg-config --cflags --libs leverage-mpi OUTPUT_VARIABLE flags RESULT_VARIABLE rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc)
    message(FATAL_ERROR "pkg-config cannot find leverage-mpi.pc (or mpi-c.pc)")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  execute_process(COMMAND cc -std=c11 -Wall -Werror ${SRC}/tests/install/consumer_mpi.c ${flags}
    -o ${WORK}/consumer_mpi_pc RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "the MPI consumer did not build through pkg-config leverage-mpi: ${flags}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} mpirun -np 2 ${WORK}/consumer_mpi_pc ${flor}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "the MPI consumer (pkg-config) failed: ${out}${err}")
  endif()
  expect("MPI consumer (pkg-config leverage-mpi)" "${out}" "pagerank ok")
  file(MAKE_DIRECTORY ${WORK}/cmake-mpi)
  file(WRITE ${WORK}/cmake-mpi/CMakeLists.txt
"cmake_minimum_required(VERSION 3.18)
project(consumer_mpi C)
find_package(leverage 0.1 REQUIRED COMPONENTS mpi)
add_executable(consumer_mpi ${SRC}/tests/install/consumer_mpi.c)
target_link_libraries(consumer_mpi PRIVATE leverage::leverage_mpi)
")
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/cmake-mpi -B ${WORK}/cmake-mpi/build -DCMAKE_PREFIX_PATH=${PREFIX}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc)
    execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/cmake-mpi/build RESULT_VARIABLE rc OUTPUT_VARIABLE out
      ERROR_VARIABLE err)
  endif()
  if(rc)
    message(FATAL_ERROR "find_package(leverage COMPONENTS mpi) consumer failed:\n${out}\n${err}")
  endif()
  execute_process(COMMAND mpirun -np 2 ${WORK}/cmake-mpi/build/consumer_mpi ${flor}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "the MPI consumer (find_package) failed: ${out}${err}")
  endif()
  expect("MPI consumer (find_package COMPONENTS mpi)" "${out}" "pagerank ok")
endif()
