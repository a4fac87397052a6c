#ifndef CLIBGIT2_SHIM_H
#define CLIBGIT2_SHIM_H
// libgit2's public API plus the in-memory object backend used to write batches as one packfile.
#include <git2.h>
#include <git2/sys/mempack.h>
#endif
