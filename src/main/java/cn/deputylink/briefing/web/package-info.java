/** The briefings' JSON API and pages. */
@NullMarked
package cn.deputylink.briefing.web;

import org.jspecify.annotations.NullMarked;
