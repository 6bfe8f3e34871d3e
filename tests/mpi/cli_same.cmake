# same_output(CMD CASES): for each "OPTIONS|FILE" in the list CASES, `mpirun -np NP leverage-mpi
# CMD OPTIONS FILE` prints exactly what `leverage CMD OPTIONS FILE` prints, and both exit 0.
macro(same_output cmd list)
  foreach(c IN LISTS ${list})
    string(REPLACE "|" ";" parts "${c}")
    list(GET parts 0 opts)
    list(GET parts 1 file)
    separate_arguments(opts)
    execute_process(COMMAND ${CLI} ${cmd} ${opts} ${SRC}/${file} OUTPUT_VARIABLE want RESULT_VARIABLE rc1)
    execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} ${cmd} ${opts} ${SRC}/${file}
      OUTPUT_VARIABLE got ERROR_VARIABLE err RESULT_VARIABLE rc2)
    if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
      message(FATAL_ERROR "${cmd} ${opts} ${file}: exit ${rc1} / ${rc2}: ${err}")
    endif()
    if(NOT want STREQUAL got)
      file(WRITE ${OUT}/cli_want_${NP}_${k}.txt "${want}")
      file(WRITE ${OUT}/cli_got_${NP}_${k}.txt "${got}")
      message(FATAL_ERROR "leverage-mpi ${cmd} ${opts} ${file} on ${NP} ranks differs from leverage ${cmd} (see ${OUT}/cli_*_${NP}_${k}.txt)")
    endif()
    math(EXPR k "${k} + 1")
  endforeach()
endmacro()
set(k 0)

# `mpirun -np NP leverage-mpi rank ...` prints exactly what `leverage rank ...` prints.
set(cases
  "--measure pagerank|examples/data/florentine_edges.csv"
  "--measure pagerank --direction out|tests/data/directed_dangling.csv"
  "--measure pagerank --undirected --format json|tests/data/karate_weighted_edges.csv"
  "--measure in-strength|tests/data/coleman_edges.csv"
  "--measure degree --undirected|tests/data/lesmis_edges.csv"
  "--measure pagerank --damping 0.5 --unweighted|tests/data/directed_inexact.csv")
same_output(rank cases)
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
# `mpirun -np NP leverage-mpi seeds ...` prints exactly what `leverage seeds ...` prints.
set(seed_cases
  "-k 3|tests/data/lesmis_edges.csv"
  "-k 4 --format json --model lt|tests/data/karate_weighted_edges.csv"
  "--k 2 --format csv --probability strength --seed 5|examples/data/florentine_edges.csv"
  "-k 5 --probability 0.1 --epsilon 0.3 --threads 2|tests/data/coleman_edges.csv"
  "-k 2 --model lt --unweighted|tests/data/directed_dangling.csv")
same_output(seeds seed_cases)
# A library error (a strength above 1 read as a probability) is said once, by rank 0, with exit 1.
execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} seeds -k 2 --probability strength
  ${SRC}/tests/data/karate_weighted_edges.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "seeds: an edge into .* has strength")
  message(FATAL_ERROR "seeds with strengths above 1: exit ${rc}, ${err}")
endif()
execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} seeds --undirected -k 2
  ${SRC}/tests/data/karate_weighted_edges.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "not over MPI")
  message(FATAL_ERROR "seeds --undirected: exit ${rc}, ${err}")
endif()
# `mpirun -np NP leverage-mpi spread ...` prints exactly what `leverage spread ...` prints.
set(spread_cases
  "--seeds Medici,Strozzi|examples/data/florentine_edges.csv"
  "--seeds Valjean --format json --runs 3000|tests/data/lesmis_edges.csv"
  "--seeds 1,34 --format csv --model lt --runs 2000 --threads 2|tests/data/karate_weighted_edges.csv"
  "--seeds Myriel,Javert --top 12 --probability 0.3 --runs 1000 --seed 9|tests/data/lesmis_edges.csv")
same_output(spread spread_cases)
execute_process(COMMAND ${MPIEXEC} ${NPFLAG} ${NP} ${MPI_CLI} spread --seeds Medici,Nobody
  ${SRC}/examples/data/florentine_edges.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--seeds: no actor named \"Nobody\"")
  message(FATAL_ERROR "spread with an unknown seed: exit ${rc}, ${err}")
endif()
