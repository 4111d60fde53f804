package cn.deputylink.opinion.internal;

import java.util.Optional;

import cn.deputylink.shared.StrongRandom;

/**
 * Tracking codes (查询码): 12 random digits and a Damm check digit, shown as
 * {@code 4827-1936-55037}. Digits, because they are read aloud over the phone and at a
 * reception desk, where letters get confused; random, so a code says nothing about how
 * many opinions exist and cannot be guessed from another; the check digit catches every
 * single wrong digit and every swap of neighbours before a lookup is made.
 */
public final class TrackingCodes {

	private static final int RANDOM_DIGITS = 12;

	// Damm's quasigroup of order 10 (weakly totally anti-symmetric)
	private static final int[][] DAMM = { { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
			{ 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 }, { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
			{ 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 }, { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
			{ 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 }, { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 } };

	private TrackingCodes() {
	}

	/** A new code, formatted for display. */
	public static String next() {
		StringBuilder digits = new StringBuilder(RANDOM_DIGITS + 1);
		for (int i = 0; i < RANDOM_DIGITS; i++) {
			digits.append((char) ('0' + StrongRandom.current().nextInt(10)));
		}
		digits.append((char) ('0' + damm(digits)));
		return format(digits.toString());
	}

	static int damm(CharSequence digits) {
		int interim = 0;
		for (int i = 0; i < digits.length(); i++) {
			interim = DAMM[interim][digits.charAt(i) - '0'];
		}
		return interim;
	}

	static String format(String digits) {
		return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
	}

	/**
	 * The code as stored, from what a person typed (spaces, dashes and full-width digits
	 * allowed), or empty when it cannot be a code: wrong length or a failed check digit.
	 */
	public static Optional<String> normalise(String typed) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < typed.length(); i++) {
			char c = typed.charAt(i);
			if (c >= '０' && c <= '９') {
				c = (char) ('0' + (c - '０'));
			}
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (c != '-' && c != ' ' && c != '—' && c != '－' && c != '\u3000') {
				return Optional.empty();
			}
		}
		if (digits.length() != RANDOM_DIGITS + 1 || damm(digits) != 0) {
			return Optional.empty();
		}
		return Optional.of(format(digits.toString()));
	}

}
