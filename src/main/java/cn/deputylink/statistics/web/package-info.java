/**
 * The statistics pages (the dashboard and the records behind each figure) and the JSON
 * API.
 */
@NullMarked
package cn.deputylink.statistics.web;

import org.jspecify.annotations.NullMarked;
