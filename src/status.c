/* Versions and status codes. */
#include "internal.h"

uint32_t lev_version(void) { return LEV_VERSION_NUMBER; }

const char *lev_version_string(void) { return LEV_VERSION_STRING; }

const char *lev_strerror(lev_status s) {
    switch (s) {
#define LEV_X_(name, code, text) case code: return text;
        LEV_STATUS_MAP(LEV_X_)
#undef LEV_X_
    default: return "unknown status";
    }
}

const char *lev_status_name(lev_status s) {
    switch (s) {
#define LEV_X_(name, code, text) case code: return "LEV_" #name;
        LEV_STATUS_MAP(LEV_X_)
#undef LEV_X_
    default: return "LEV_UNKNOWN";
    }
}
