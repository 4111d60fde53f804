@NullMarked
package cn.deputylink.activity.internal;

import org.jspecify.annotations.NullMarked;
