/** Pages and API of performance files and points. */
@NullMarked
package cn.deputylink.performance.web;

import org.jspecify.annotations.NullMarked;
