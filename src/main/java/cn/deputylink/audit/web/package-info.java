@NullMarked
package cn.deputylink.audit.web;

import org.jspecify.annotations.NullMarked;
