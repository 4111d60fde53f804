@NullMarked
package cn.deputylink.opinion.web;

import org.jspecify.annotations.NullMarked;
