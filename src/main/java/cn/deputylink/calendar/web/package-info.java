@NullMarked
package cn.deputylink.calendar.web;

import org.jspecify.annotations.NullMarked;
