/**
 * The notification outbox: messages (SMS, email, in-app) are written in the same
 * transaction as the change that causes them, and a dispatcher delivers them through
 * pluggable channels with retries, at most once each, safely with several application
 * nodes. {@link cn.deputylink.notification.Notifications} is the API other modules call.
 */
@ApplicationModule(allowedDependencies = { "account", "shared", "shared :: web" })
@NullMarked
package cn.deputylink.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
