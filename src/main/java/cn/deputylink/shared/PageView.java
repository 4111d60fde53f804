package cn.deputylink.shared;

import java.util.List;

/** One page of a list as the web pages show it: page number (1-based), size and totals. */
public record PageView<T>(List<T> items, int number, int size, int total) {

	public static final int SIZE = 20;

	public int pages() {
		return Math.max(1, (total + size - 1) / size);
	}

	/** The offset of page {@code number} (clamped to 1). */
	public static int offset(int number) {
		return (Math.max(1, number) - 1) * SIZE;
	}
}
