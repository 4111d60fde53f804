@NullMarked
package cn.deputylink.ledger.web;

import org.jspecify.annotations.NullMarked;
