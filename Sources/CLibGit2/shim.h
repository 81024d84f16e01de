#ifndef FMADD_CLIBGIT2_SHIM_H
#define FMADD_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one typed wrapper per option used. */

/* Where libgit2 looks for the global, XDG and system configuration files (a folder, not a file). */
static inline int fmadd_git_set_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, (int)level, path);
}

#endif
