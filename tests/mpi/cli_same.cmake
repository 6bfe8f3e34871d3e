# `mpirun -np NP leverage-mpi rank ...` prints exactly what `leverage rank ...` prints.
set(cases
  "--measure pagerank|examples/data/florentine_edges.csv"
  "--measure pagerank --direction out|tests/data/directed_dangling.csv"
  "--measure pagerank --undirected --format json|tests/data/karate_weighted_edges.csv"
  "--measure in-strength|tests/data/coleman_edges.csv"
  "--measure degree --undirected|tests/data/lesmis_edges.csv"
  "--measure pagerank --damping 0.5 --unweighted|tests/data/directed_inexact.csv")
set(k 0)
foreach(c IN LISTS cases)
  string(REPLACE "|" ";" parts "${c}")
  list(GET parts 0 opts)
  list(GET parts 1 file)
  separate_arguments(opts)
  execute_process(COMMAND ${CLI} rank ${opts} ${SRC}/${file} OUTPUT_VARIABLE want RESULT_VARIABLE rc1)
  execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} rank ${opts} ${SRC}/${file}
    OUTPUT_VARIABLE got ERROR_VARIABLE err RESULT_VARIABLE rc2)
  if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
    message(FATAL_ERROR "rank ${opts} ${file}: exit ${rc1} / ${rc2}: ${err}")
  endif()
  if(NOT want STREQUAL got)
    file(WRITE ${OUT}/cli_want_${NP}_${k}.txt "${want}")
    file(WRITE ${OUT}/cli_got_${NP}_${k}.txt "${got}")
    message(FATAL_ERROR "leverage-mpi rank ${opts} ${file} on ${NP} ranks differs from leverage rank (see ${OUT}/cli_*_${NP}_${k}.txt)")
  endif()
  math(EXPR k "${k} + 1")
endforeach()
# A usage error is the same kind of error (exit 2), said once.
execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} rank --measure pagerank --undirected --format xml
  ${SRC}/examples/data/florentine_edges.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "--format must be csv or json")
  message(FATAL_ERROR "a bad --format: exit ${rc}, ${err}")
endif()
execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} rank --measure degree --damping 0.5
  ${SRC}/examples/data/florentine_edges.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "measure degree does not read --damping")
  message(FATAL_ERROR "an option the measure does not read: exit ${rc}, ${err}")
endif()
