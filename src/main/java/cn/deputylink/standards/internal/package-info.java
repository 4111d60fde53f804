/** The standards module's tables, the inspection rules and the photo checks. */
@NullMarked
package cn.deputylink.standards.internal;

import org.jspecify.annotations.NullMarked;
