package cn.deputylink.shared;

import java.util.List;

/**
 * One page of a list as the web pages show it: page number (1-based), size and totals.
 * The number is kept within 1..{@link #MAX_NUMBER}, so that a page typed into the address
 * bar far beyond the end shows an empty page instead of an offset that overflows into a
 * negative number (a 500).
 */
public record PageView<T>(List<T> items, int number, int size, int total) {

	public static final int SIZE = 20;

	/** The last page number whose offset still fits an {@code int}. */
	public static final int MAX_NUMBER = Integer.MAX_VALUE / SIZE;

	public PageView {
		number = clamp(number);
	}

	public int pages() {
		return Math.max(1, (total + size - 1) / size);
	}

	/** The offset of page {@code number} (clamped to 1..{@link #MAX_NUMBER}). */
	public static int offset(int number) {
		return (clamp(number) - 1) * SIZE;
	}

	private static int clamp(int number) {
		return Math.min(Math.max(1, number), MAX_NUMBER);
	}
}
