@NullMarked
package cn.deputylink.duty.internal;

import org.jspecify.annotations.NullMarked;
