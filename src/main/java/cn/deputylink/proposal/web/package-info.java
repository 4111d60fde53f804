@NullMarked
package cn.deputylink.proposal.web;

import org.jspecify.annotations.NullMarked;
