// The kernel calls and header facts behind CConfinement.h.
#define _GNU_SOURCE
#include "CConfinement.h"

#include <dirent.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

uint32_t labgrade_audit_arch(void) {
#if defined(__x86_64__)
    return AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
    return AUDIT_ARCH_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
    return AUDIT_ARCH_RISCV64;
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return AUDIT_ARCH_PPC64LE;
#elif defined(__s390x__)
    return AUDIT_ARCH_S390X;
#else
    return 0;
#endif
}

uint32_t labgrade_x32_syscall_bit(void) {
#if defined(__x86_64__)
    return 0x40000000U;
#else
    return 0;
#endif
}

#define DENIED(name) {#name, __NR_##name}
#define ABSENT(name) {#name, -1}

static const struct { const char *name; long number; } denied[] = {
    // Reading or steering other processes.
    DENIED(ptrace), DENIED(process_vm_readv), DENIED(process_vm_writev), DENIED(kcmp),
#ifdef __NR_pidfd_getfd
    DENIED(pidfd_getfd),
#else
    ABSENT(pidfd_getfd),
#endif
#ifdef __NR_process_madvise
    DENIED(process_madvise),
#else
    ABSENT(process_madvise),
#endif
    // Kernel keyrings, eBPF, performance counters, user-space page faults, io_uring.
    DENIED(keyctl), DENIED(add_key), DENIED(request_key), DENIED(bpf), DENIED(perf_event_open), DENIED(userfaultfd),
#ifdef __NR_io_uring_setup
    DENIED(io_uring_setup), DENIED(io_uring_enter), DENIED(io_uring_register),
#else
    ABSENT(io_uring_setup), ABSENT(io_uring_enter), ABSENT(io_uring_register),
#endif
    // Mounts and namespaces (clone's namespace flags are checked apart).
    DENIED(mount), DENIED(umount2), DENIED(pivot_root), DENIED(chroot), DENIED(unshare), DENIED(setns),
#ifdef __NR_fsopen
    DENIED(fsopen), DENIED(fsconfig), DENIED(fsmount), DENIED(fspick), DENIED(move_mount), DENIED(open_tree),
#else
    ABSENT(fsopen), ABSENT(fsconfig), ABSENT(fsmount), ABSENT(fspick), ABSENT(move_mount), ABSENT(open_tree),
#endif
#ifdef __NR_mount_setattr
    DENIED(mount_setattr),
#else
    ABSENT(mount_setattr),
#endif
    DENIED(name_to_handle_at), DENIED(open_by_handle_at),
    // The kernel itself and the machine.
    DENIED(kexec_load),
#ifdef __NR_kexec_file_load
    DENIED(kexec_file_load),
#else
    ABSENT(kexec_file_load),
#endif
    DENIED(init_module), DENIED(finit_module), DENIED(delete_module), DENIED(acct), DENIED(swapon), DENIED(swapoff),
    DENIED(reboot), DENIED(syslog), DENIED(quotactl), DENIED(settimeofday), DENIED(clock_settime), DENIED(clock_adjtime),
    DENIED(adjtimex), DENIED(sethostname), DENIED(setdomainname), DENIED(vhangup), DENIED(fanotify_init),
#ifdef __NR_iopl
    DENIED(iopl), DENIED(ioperm),
#else
    ABSENT(iopl), ABSENT(ioperm),
#endif
};

int labgrade_denied_syscall_count(void) { return (int)(sizeof denied / sizeof denied[0]); }
const char *labgrade_denied_syscall_name(int index) { return denied[index].name; }
long labgrade_denied_syscall_number(int index) { return denied[index].number; }

long labgrade_syscall_clone(void) { return __NR_clone; }
long labgrade_syscall_clone3(void) {
#ifdef __NR_clone3
    return __NR_clone3;
#else
    return -1;
#endif
}
long labgrade_syscall_socket(void) { return __NR_socket; }
long labgrade_syscall_socketpair(void) { return __NR_socketpair; }
long labgrade_syscall_ioctl(void) { return __NR_ioctl; }

uint32_t labgrade_namespace_clone_flags(void) {
    uint32_t flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP;
#ifdef CLONE_NEWTIME
    flags |= CLONE_NEWTIME;
#endif
    return flags;
}
uint32_t labgrade_tiocsti(void) { return TIOCSTI; }
uint32_t labgrade_tioclinux(void) { return TIOCLINUX; }

int labgrade_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5) {
    return prctl(option, a2, a3, a4, a5);
}

int labgrade_install_seccomp(const void *instructions, unsigned short count) {
    struct sock_fprog program = {.len = count, .filter = (struct sock_filter *)instructions};
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0);
}

int labgrade_drop_capabilities(void) {
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return -1;
    // Emptying the bounding set needs CAP_SETPCAP; a process without it cannot gain capabilities
    // through exec anyway once no_new_privs is set, which the caller does next.
    for (int cap = 0; cap <= 63; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL && errno != EPERM) return -1;
    }
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2] = {{0}};
    return (int)syscall(SYS_capset, &header, data);
}

void labgrade_close_from(int first) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) return;
#endif
    long last = sysconf(_SC_OPEN_MAX);
    for (long fd = first; fd < (last > 0 ? last : 65536); fd++) close((int)fd);
}
