/** The assessment pages, the Excel export and the API. */
@NullMarked
package cn.deputylink.assessment.web;

import org.jspecify.annotations.NullMarked;
