/** DeputyLink: the application class and its configuration. */
@NullMarked
package cn.deputylink;

import org.jspecify.annotations.NullMarked;
