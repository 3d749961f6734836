// PROJ's transformation API and the GeographicLib geodesic routines it ships (geod_*).
#include <proj.h>
#include <geodesic.h>

// Sine and cosine of one angle in one libm call (glibc's sincos, which Swift does not import):
// the earth-centred position of every event and border point needs both.
static inline void eventmap_sincos(double x, double *s, double *c) { __builtin_sincos(x, s, c); }
