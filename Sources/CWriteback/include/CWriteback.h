// Starting the kernel's write-back of a file range early, so that the fsync of a large output
// waits only for its last piece. Linux's sync_file_range needs _GNU_SOURCE, which Swift's Glibc
// module does not define: hence this one-function C target.
#ifndef CWRITEBACK_H
#define CWRITEBACK_H

/// Asks the kernel to start writing the dirty pages of [offset, offset + length) of `fd` to disk
/// and returns at once (Linux: sync_file_range with SYNC_FILE_RANGE_WRITE). Elsewhere a no-op.
/// Best effort: 0, or -1 with errno set; fsync still decides whether the data reached the disk.
int cwriteback_start(int fd, long long offset, long long length);

#endif
