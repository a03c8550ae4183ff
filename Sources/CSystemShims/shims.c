#define _GNU_SOURCE
#include "CSystemShims.h"
#include <errno.h>
#include <malloc.h>
#include <sys/epoll.h>

const int TT_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int TT_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int TT_EPOLL_CTL_DEL = EPOLL_CTL_DEL;
const uint32_t TT_EPOLLIN = EPOLLIN;
const uint32_t TT_EPOLLOUT = EPOLLOUT;
const uint32_t TT_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t TT_EPOLLHUP = EPOLLHUP;
const uint32_t TT_EPOLLERR = EPOLLERR;

int tt_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int tt_epoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event event = {0};
    event.events = events;
    event.data.fd = fd;
    return epoll_ctl(epfd, op, fd, &event);
}

int tt_epoll_wait(int epfd, int32_t *fds, uint32_t *events, int max, int timeout_ms) {
    struct epoll_event ready[256];
    if (max > 256) max = 256;
    int count;
    do {
        count = epoll_wait(epfd, ready, max, timeout_ms);
    } while (count < 0 && errno == EINTR);
    for (int i = 0; i < count; i++) {
        fds[i] = ready[i].data.fd;
        events[i] = ready[i].events;
    }
    return count;
}

int tt_accept(int fd, struct sockaddr *address, socklen_t *length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int tt_limit_malloc_arenas(int count) { return mallopt(M_ARENA_MAX, count); }

int tt_malloc_trim(void) { return malloc_trim(0); }
