/** The rules' tables, the measurements and the pure scoring of the townships. */
@NullMarked
package cn.deputylink.targets.internal;

import org.jspecify.annotations.NullMarked;
