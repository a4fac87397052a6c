#ifndef CCMARKGFM_SHIM_H
#define CCMARKGFM_SHIM_H
// cmark-gfm's parser and node API, plus the GitHub extensions (tables, task lists, autolinks, strikethrough).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
