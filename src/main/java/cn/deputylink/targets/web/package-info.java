/** The targets' JSON API and pages. */
@NullMarked
package cn.deputylink.targets.web;

import org.jspecify.annotations.NullMarked;
