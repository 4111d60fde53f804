/** The notification module's internals: not for other modules. */
@NullMarked
package cn.deputylink.notification.internal;

import org.jspecify.annotations.NullMarked;
