/**
 * The briefing aggregate, its store, the generation from the statistics and the exports.
 */
@NullMarked
package cn.deputylink.briefing.internal;

import org.jspecify.annotations.NullMarked;
