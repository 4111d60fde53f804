/** The standards module's pages and JSON API. */
@NullMarked
package cn.deputylink.standards.web;

import org.jspecify.annotations.NullMarked;
