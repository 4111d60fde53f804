package cn.deputylink.shared;

import org.jspecify.annotations.Nullable;

/**
 * How personal information looks in lists, exports and every response that is not a
 * disclosure.
 */
public final class Masking {

	private Masking() {
	}

	/**
	 * {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two
	 * digits.
	 */
	public static @Nullable String phone(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String p = phone.strip();
		if (p.length() >= 11) {
			return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
		}
		if (p.length() <= 2) {
			return "*".repeat(p.length());
		}
		return "*".repeat(p.length() - 2) + p.substring(p.length() - 2);
	}

	/** An 18-digit resident ID keeps its first 4 and last 4 characters. */
	public static @Nullable String idNumber(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return id;
		}
		String s = id.strip();
		if (s.length() <= 8) {
			return "*".repeat(s.length());
		}
		return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
	}

	/** A person's name keeps its first character: {@code 张三丰} → {@code 张**}. */
	public static @Nullable String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String s = name.strip();
		int first = s.offsetByCodePoints(0, 1);
		return s.substring(0, first) + "*".repeat(Math.max(1, s.codePointCount(first, s.length())));
	}

}
