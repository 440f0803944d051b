#ifndef LISA_PROCESS_H
#define LISA_PROCESS_H

/// The git commit lisa was built from, or "" when the build did not say
/// (scripts/install.sh passes it as -Xcc -DLISA_GIT_COMMIT="...").
const char *lisa_git_commit(void);

/// 1 when the process started with standard input closed (`lisa ... <&-`). The descriptor is then
/// pointed at /dev/null before anything else runs, so that no file the runtime opens later lands on
/// descriptor 0 and is mistaken for input.
int lisa_stdin_was_closed(void);

#endif
