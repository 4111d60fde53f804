@NullMarked
package cn.deputylink.organisation.web;

import org.jspecify.annotations.NullMarked;
