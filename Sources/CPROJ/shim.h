// PROJ's transformation API and the GeographicLib geodesic routines it ships (geod_*).
#include <proj.h>
#include <geodesic.h>
