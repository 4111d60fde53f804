/** The audit module's internals: not for other modules. */
@NullMarked
package cn.deputylink.audit.internal;

import org.jspecify.annotations.NullMarked;
