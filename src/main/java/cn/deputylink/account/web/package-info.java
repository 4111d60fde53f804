@NullMarked
package cn.deputylink.account.web;

import org.jspecify.annotations.NullMarked;
