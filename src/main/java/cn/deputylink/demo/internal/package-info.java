/** The demo module's internals: not for other modules. */
@NullMarked
package cn.deputylink.demo.internal;

import org.jspecify.annotations.NullMarked;
