#ifndef PFBOT_CSECP256K1_SHIM_H
#define PFBOT_CSECP256K1_SHIM_H
#include <secp256k1.h>
#endif
