// Resolves the GDAL functions of CGDAL.h from libgdal at run time; see the header for why.
#include "CGDAL.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define CGDAL_POINTER(ret, name, params, args) static ret (*p_##name) params;
#define CGDAL_POINTER_VOID(name, params, args) static void (*p_##name) params;
CGDAL_FUNCTIONS(CGDAL_POINTER)
CGDAL_VOID_FUNCTIONS(CGDAL_POINTER_VOID)
static void (*p_GDALAllRegister)(void);
static CPLErrorHandler (*p_CPLSetErrorHandler)(CPLErrorHandler);
static void (*p_CPLQuietErrorHandler)(CPLErr, CPLErrorNum, const char *);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

#define CGDAL_RESOLVE(name) \
    if (!(*(void **)(&p_##name) = dlsym(library, #name))) { \
        snprintf(failure, sizeof failure, "libgdal has no symbol %s", #name); \
        return; \
    }
#define CGDAL_RESOLVE_ENTRY(ret, name, params, args) CGDAL_RESOLVE(name)
#define CGDAL_RESOLVE_VOID_ENTRY(name, params, args) CGDAL_RESOLVE(name)

static void load_once(void) {
    // The linker name: the library `pkg-config --libs gdal` (-lgdal) names at build time, whatever
    // its soname (libgdal-dev installs it). No list of guessed sonames to fall out of date.
    void *library = dlopen("libgdal.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "cannot load libgdal (%s); install Debian's libgdal-dev", why ? why : "not found");
        return;
    }
    CGDAL_FUNCTIONS(CGDAL_RESOLVE_ENTRY)
    CGDAL_VOID_FUNCTIONS(CGDAL_RESOLVE_VOID_ENTRY)
    CGDAL_RESOLVE(GDALAllRegister)
    CGDAL_RESOLVE(CPLSetErrorHandler)
    CGDAL_RESOLVE(CPLQuietErrorHandler)
    p_GDALAllRegister();
    p_CPLSetErrorHandler(p_CPLQuietErrorHandler);
    failure[0] = '\0';
}

int cgdal_load(char *message, size_t size) {
    pthread_once(&once, load_once);
    if (failure[0] == '\0') return 0;
    if (message && size) snprintf(message, size, "%s", failure);
    return 1;
}

#define CGDAL_WRAP(ret, name, params, args) ret cgdal_##name params { return p_##name args; }
#define CGDAL_WRAP_VOID(name, params, args) void cgdal_##name params { p_##name args; }
CGDAL_FUNCTIONS(CGDAL_WRAP)
CGDAL_VOID_FUNCTIONS(CGDAL_WRAP_VOID)
