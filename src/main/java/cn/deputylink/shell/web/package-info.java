/**
 * The shell's pages and what every page shares: layout model, language and large-text
 * switches.
 */
@NullMarked
package cn.deputylink.shell.web;

import org.jspecify.annotations.NullMarked;
