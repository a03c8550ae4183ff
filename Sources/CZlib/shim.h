#ifndef TAITOTUTKA_CZLIB_SHIM_H
#define TAITOTUTKA_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro in zlib.h, which Swift cannot call; this wrapper makes it a function.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 is a macro as well; windowBits 15 + 32 accepts both zlib and gzip framing.
static inline int czlib_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
