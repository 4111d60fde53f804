/** The formula's table and the pure scoring of the units. */
@NullMarked
package cn.deputylink.assessment.internal;

import org.jspecify.annotations.NullMarked;
