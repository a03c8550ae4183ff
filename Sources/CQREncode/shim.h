#ifndef TAITOTUTKA_CQRENCODE_SHIM_H
#define TAITOTUTKA_CQRENCODE_SHIM_H
/* libqrencode (Debian's libqrencode-dev): QR code symbols for the printed survey-code slips. */
#include <qrencode.h>
#endif
