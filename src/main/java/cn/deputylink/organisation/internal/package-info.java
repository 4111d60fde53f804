/**
 * The registry's storage and its Excel sheets: nothing here is part of the module's API.
 */
@NullMarked
package cn.deputylink.organisation.internal;

import org.jspecify.annotations.NullMarked;
