/*
 * libFuzzer target: the GML reader (lev_read_buffer, LEV_FORMAT_GML), gzipped input included
 * (the bytes may start with the gzip magic).
 *
 * As the CSV targets (fuzz_common.h): a failed read leaves the network exactly as it was with a
 * "fuzz:..." message; a successful one survives write -> read in CSV and in GML itself, and the
 * analyses keep their documented facts. Built by tests/fuzz/run.sh and replayed over
 * corpus/gml by ctest.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_reader(LEV_FORMAT_GML, data, size);
    return 0;
}
