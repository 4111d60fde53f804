@NullMarked
package cn.deputylink.duty.web;

import org.jspecify.annotations.NullMarked;
