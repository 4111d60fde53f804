/**
 * The performance module's internals: the scope rule, the gathering of a deputy's facts
 * from the other modules' facades, the pure points calculator, the scheme and publication
 * tables, the PDF rendering.
 */
@NullMarked
package cn.deputylink.performance.internal;

import org.jspecify.annotations.NullMarked;
