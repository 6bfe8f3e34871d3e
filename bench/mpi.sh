#!/bin/sh
# libleverage_mpi on this machine: PageRank (tol 1e-10, weighted) on Graph500 R-MAT SCALE (edge
# factor 16), one process with 2 OpenMP threads against 1 and 2 MPI ranks (strong scaling at equal
# cores), then 4 and 8 oversubscribed ranks for the communication volume per iteration that the
# cost model of docs/scale-out.md predicts. A benchmark, not a test.
# Then influence maximization: lev_seeds on 2 OpenMP threads against lev_mpi_seeds on 1 and 2 ranks.
#   bench/mpi.sh [SCALE] [BUILD_DIR]        (default: 20 build)
#   SEEDS_ONLY=1 SEEDS_SCALE=18 bench/mpi.sh 18    the seeds part alone, on R-MAT 18
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scale=${1:-20}
build=${2:-$root/build}
out=$root/bench/out
mkdir -p "$out"
[ -x "$out/gen" ] || cc -O2 -o "$out/gen" "$root/bench/gen.c" -lm
csv=$out/rmat$scale.csv
[ "${SEEDS_ONLY:-0}" = 1 ] || [ -f "$csv" ] || "$out/gen" rmat "$scale" --seed 1 --csv "$csv" --quiet
mpicc -O2 -I"$root/include" -o "$out/drv_mpi" "$root/bench/drv_mpi.c" -L"$build" -L"$build/src/mpi" \
    -lleverage_mpi -lleverage -Wl,-rpath,"$build" -Wl,-rpath,"$build/src/mpi"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_mpi_yield_when_idle=1
if [ "${SEEDS_ONLY:-0}" != 1 ]; then # SEEDS_ONLY=1: the influence-maximization part alone
echo "# R-MAT $scale: $(wc -l < "$csv") lines"
"$out/drv_mpi" "$csv" --single 2
for np in 1 2; do # one rank per core, bound (Open MPI's default)
    mpirun -np $np "$out/drv_mpi" "$csv"
done
for np in 4 8; do # oversubscribed: only the volumes mean anything
    mpirun -np $np --bind-to none "$out/drv_mpi" "$csv"
done
fi
# Influence maximization (issue 23): lev_seeds with 2 OpenMP threads against lev_mpi_seeds on 1 and
# 2 ranks of one thread (IC, weighted cascade, k = 50, epsilon 0.1), on the same graph. The seeds
# must be the same (seeds_hash). SEEDS_SCALE picks another graph (default: the PageRank one).
sscale=${SEEDS_SCALE:-$scale}
scsv=$out/rmat$sscale.csv
[ -f "$scsv" ] || "$out/gen" rmat "$sscale" --seed 1 --csv "$scsv" --quiet
mpicc -O2 -I"$root/include" -o "$out/drv_mpi_seeds" "$root/bench/drv_mpi_seeds.c" -L"$build" -L"$build/src/mpi" \
    -lleverage_mpi -lleverage -Wl,-rpath,"$build" -Wl,-rpath,"$build/src/mpi"
echo "# seeds on R-MAT $sscale: $(wc -l < "$scsv") lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$out/drv_mpi_seeds" "$scsv" 50 0.1 --single 2
for np in 1 2; do
    mpirun -np $np "$out/drv_mpi_seeds" "$scsv" 50 0.1
done
