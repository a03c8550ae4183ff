#ifndef TAITOTUTKA_CSYSTEMSHIMS_H
#define TAITOTUTKA_CSYSTEMSHIMS_H
#include <stdint.h>
#include <sys/socket.h>

/* Linux calls that Swift's Glibc module does not expose. struct epoll_event is packed on x86_64,
   so events cross into Swift as two plain arrays instead. */

/// epoll_create1(EPOLL_CLOEXEC).
int tt_epoll_create(void);
/// Adds, modifies or deletes fd in the set; events is a mask of the TT_EPOLL_* bits below.
int tt_epoll_ctl(int epfd, int op, int fd, uint32_t events);
/// epoll_wait with the given timeout; fills fds[i] and events[i] for each ready descriptor.
int tt_epoll_wait(int epfd, int32_t *fds, uint32_t *events, int max, int timeout_ms);
/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC: one call instead of accept plus two fcntl.
int tt_accept(int fd, struct sockaddr *address, socklen_t *length);
/// mallopt(M_ARENA_MAX, count): caps glibc's per-thread malloc arenas. Returns 1 on success.
int tt_limit_malloc_arenas(int count);
/// malloc_trim(0): gives the free memory at the top of glibc's heaps and in free pages inside them
/// back to the system. Returns 1 when some was returned.
int tt_malloc_trim(void);

extern const int TT_EPOLL_CTL_ADD;
extern const int TT_EPOLL_CTL_MOD;
extern const int TT_EPOLL_CTL_DEL;
extern const uint32_t TT_EPOLLIN;
extern const uint32_t TT_EPOLLOUT;
extern const uint32_t TT_EPOLLRDHUP;
extern const uint32_t TT_EPOLLHUP;
extern const uint32_t TT_EPOLLERR;
#endif
