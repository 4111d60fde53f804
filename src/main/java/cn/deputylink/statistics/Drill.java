package cn.deputylink.statistics;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * Which records a click on a figure asks for: the figure, optionally narrowed to one row
 * of a breakdown ({@code dimension} with its {@code key}) and to one month of the trend.
 * The list has exactly as many records as the figure counts.
 */
public record Drill(Figure figure, @Nullable Dimension dimension, @Nullable String key, @Nullable YearMonth month) {

	public static Drill of(Figure figure) {
		return new Drill(figure, null, null, null);
	}

}
