@NullMarked
package cn.deputylink.activity.web;

import org.jspecify.annotations.NullMarked;
