/** The funding pages, JSON API and Excel export. */
@NullMarked
package cn.deputylink.funding.web;

import org.jspecify.annotations.NullMarked;
