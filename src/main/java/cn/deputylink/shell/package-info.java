/**
 * The web shell: layout and navigation by role, language (zh-CN default, English) and the
 * large-text mode for elderly users, the home page and dashboard.
 */
@ApplicationModule(allowedDependencies = { "account", "organisation" })
@NullMarked
package cn.deputylink.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
