/** The funding tables, the money rules and the pure reward calculator. */
@NullMarked
package cn.deputylink.funding.internal;

import org.jspecify.annotations.NullMarked;
