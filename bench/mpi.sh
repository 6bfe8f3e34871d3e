#!/bin/sh
# libleverage_mpi on this machine: PageRank (tol 1e-10, weighted) on Graph500 R-MAT SCALE (edge
# factor 16), one process with 2 OpenMP threads against 1 and 2 MPI ranks (strong scaling at equal
# cores), then 4 and 8 oversubscribed ranks for the communication volume per iteration that the
# cost model of docs/scale-out.md predicts. A benchmark, not a test.
#   bench/mpi.sh [SCALE] [BUILD_DIR]        (default: 20 build)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scale=${1:-20}
build=${2:-$root/build}
out=$root/bench/out
mkdir -p "$out"
[ -x "$out/gen" ] || cc -O2 -o "$out/gen" "$root/bench/gen.c" -lm
csv=$out/rmat$scale.csv
[ -f "$csv" ] || "$out/gen" rmat "$scale" --seed 1 --csv "$csv" --quiet
mpicc -O2 -I"$root/include" -o "$out/drv_mpi" "$root/bench/drv_mpi.c" -L"$build" -L"$build/src/mpi" \
    -lleverage_mpi -lleverage -Wl,-rpath,"$build" -Wl,-rpath,"$build/src/mpi"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_mpi_yield_when_idle=1
echo "# R-MAT $scale: $(wc -l < "$csv") lines"
"$out/drv_mpi" "$csv" --single 2
for np in 1 2; do # one rank per core, bound (Open MPI's default)
    mpirun -np $np "$out/drv_mpi" "$csv"
done
for np in 4 8; do # oversubscribed: only the volumes mean anything
    mpirun -np $np --bind-to none "$out/drv_mpi" "$csv"
done
