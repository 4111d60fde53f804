/**
 * The opinion module's inside: the aggregate
 * {@link cn.deputylink.opinion.internal.OpinionCase}, its rules
 * ({@link cn.deputylink.opinion.internal.Lifecycle},
 * {@link cn.deputylink.opinion.internal.Policy}), repositories, routing, intake checks
 * and the notices' listener. Only the module's facades and its web layer use it.
 */
@NullMarked
package cn.deputylink.opinion.internal;

import org.jspecify.annotations.NullMarked;
