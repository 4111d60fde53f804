/** The calendar module's internals: not for other modules. */
@NullMarked
package cn.deputylink.calendar.internal;

import org.jspecify.annotations.NullMarked;
