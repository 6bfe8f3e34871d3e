/*
 * libFuzzer target: the actors CSV reader (lev_read_buffer, LEV_FORMAT_ACTORS_CSV).
 *
 * The input is read into a fixed small network and into an empty one. A failed read must leave
 * the network exactly as it was (dump through the getters and the edges writer, PageRank) with a
 * "fuzz:LINE:COL: reason" message; a successful one must survive write → read into a fresh
 * network unchanged, and degree, strength and PageRank must keep their documented facts.
 * Built by tests/fuzz/run.sh (clang, libFuzzer) and replayed over corpus/actors_csv by ctest.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_reader(LEV_FORMAT_ACTORS_CSV, data, size);
    return 0;
}
