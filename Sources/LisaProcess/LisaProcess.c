#include "LisaProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#ifndef LISA_GIT_COMMIT
#define LISA_GIT_COMMIT ""
#endif

const char *lisa_git_commit(void) { return LISA_GIT_COMMIT; }

static int stdin_was_closed = 0;

// Runs before main, before the Swift concurrency runtime opens its own descriptors.
__attribute__((constructor)) static void lisa_guard_stdin(void) {
  if (fcntl(STDIN_FILENO, F_GETFD) == -1 && errno == EBADF) {
    stdin_was_closed = 1;
    int fd = open("/dev/null", O_RDONLY);
    if (fd > STDIN_FILENO) {
      dup2(fd, STDIN_FILENO);
      close(fd);
    }
  }
}

int lisa_stdin_was_closed(void) { return stdin_was_closed; }
