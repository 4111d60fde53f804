/** The statistics module's JSON API. */
@NullMarked
package cn.deputylink.statistics.web;

import org.jspecify.annotations.NullMarked;
