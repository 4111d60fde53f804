/** The statistics module's projections, rollups, listeners and reconciliation. */
@NullMarked
package cn.deputylink.statistics.internal;

import org.jspecify.annotations.NullMarked;
