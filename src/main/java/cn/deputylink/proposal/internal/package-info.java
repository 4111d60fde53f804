@NullMarked
package cn.deputylink.proposal.internal;

import org.jspecify.annotations.NullMarked;
