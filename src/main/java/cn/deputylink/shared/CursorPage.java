package cn.deputylink.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of an API list: {@code {"items": [...], "nextCursor": "..." | null}}. The
 * cursor is opaque to clients; inside it is the last id of the page (keyset paging,
 * stable under inserts).
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	/** Clamps a requested limit into 1..500; absent means 50. */
	public static int limit(@Nullable Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw new InvalidInputException("limit", "validation.limit", MAX_LIMIT);
		}
		return requested;
	}

	/** The id after which the next page starts; 0 for the first page. */
	public static long after(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		long after;
		try {
			after = Long
				.parseLong(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("cursor", "validation.cursor");
		}
		// a cursor holds the id of a row, and ids start at 1
		if (after < 1) {
			throw new InvalidInputException("cursor", "validation.cursor");
		}
		return after;
	}

	/**
	 * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells
	 * that another page exists.
	 */
	public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, Long> id) {
		if (rows.size() <= limit) {
			return new CursorPage<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		String next = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.valueOf(id.apply(page.get(limit - 1))).getBytes(StandardCharsets.US_ASCII));
		return new CursorPage<>(List.copyOf(page), next);
	}

	public <R> CursorPage<R> map(Function<T, R> f) {
		return new CursorPage<>(items.stream().map(f).toList(), nextCursor);
	}
}
