@NullMarked
package cn.deputylink.ledger.internal;

import org.jspecify.annotations.NullMarked;
