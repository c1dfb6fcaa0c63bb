// CConfinement: the kernel interfaces the sandbox helper needs that Swift cannot call directly
// (variadic prctl and syscall) and the facts it must read from this machine's headers (system
// call numbers and the audit architecture of the target it is compiled for, never a table of our own).
#ifndef LABGRADE_CCONFINEMENT_H
#define LABGRADE_CCONFINEMENT_H

#include <stdint.h>
#include <sys/types.h>

/// The audit architecture of the machine this is built for (seccomp_data.arch); 0 when unknown.
uint32_t labgrade_audit_arch(void);

/// Bit set in system call numbers of the x32 ABI on x86_64 (0 elsewhere): such calls are refused.
uint32_t labgrade_x32_syscall_bit(void);

/// How many system calls the filter refuses outright, and each one's name and number
/// (-1 where this architecture has no such call).
int labgrade_denied_syscall_count(void);
const char *labgrade_denied_syscall_name(int index);
long labgrade_denied_syscall_number(int index);

/// Numbers of the calls the filter inspects by argument, or -1 where absent.
long labgrade_syscall_clone(void);
long labgrade_syscall_clone3(void);
long labgrade_syscall_socket(void);
long labgrade_syscall_socketpair(void);
long labgrade_syscall_ioctl(void);

/// Constants for the filter's argument checks.
uint32_t labgrade_namespace_clone_flags(void);
uint32_t labgrade_tiocsti(void);
uint32_t labgrade_tioclinux(void);

/// prctl(2) with its five arguments.
int labgrade_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5);

/// Installs a classic BPF seccomp filter of `count` instructions (8 bytes each: code, jt, jf, k).
int labgrade_install_seccomp(const void *instructions, unsigned short count);

/// Drops every capability: the ambient set, the bounding set (where CAP_SETPCAP allows), then the
/// effective, permitted and inheritable sets. Returns 0, or -1 with errno.
int labgrade_drop_capabilities(void);

/// Closes every descriptor from `first` up.
void labgrade_close_from(int first);

#endif
