/* The system zlib, which LabKit uses to inflate gzip'd data files. */
#ifndef LABKIT_CZLIB_SHIM_H
#define LABKIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
