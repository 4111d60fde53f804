/**
 * The banner that says the demo's work is still being generated, on every page while it
 * is, and the fragment it polls.
 */
@NullMarked
package cn.deputylink.demo.web;

import org.jspecify.annotations.NullMarked;
