/** Pages and API of the inbox and of the outbox's admin view. */
@NullMarked
package cn.deputylink.notification.web;

import org.jspecify.annotations.NullMarked;
