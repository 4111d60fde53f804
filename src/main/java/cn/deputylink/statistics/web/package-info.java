/** The statistics pages: the dashboard and the records behind each figure. */
@NullMarked
package cn.deputylink.statistics.web;

import org.jspecify.annotations.NullMarked;
