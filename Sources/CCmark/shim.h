#ifndef TAITOTUTKA_CCMARK_SHIM_H
#define TAITOTUTKA_CCMARK_SHIM_H
/* cmark (Debian's libcmark-dev): CommonMark for the instructions library. Its default options are
   safe: raw HTML is never passed through and javascript:, vbscript:, file: and data: links are dropped. */
#include <cmark.h>
#endif
