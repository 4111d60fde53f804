/**
 * The shared kernel's internals: the data directory, the clock, rate-limit settings and
 * ShedLock's lease.
 */
@NullMarked
package cn.deputylink.shared.internal;

import org.jspecify.annotations.NullMarked;
