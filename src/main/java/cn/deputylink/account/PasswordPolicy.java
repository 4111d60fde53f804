package cn.deputylink.account;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * At least 8 characters drawn from at least three of four classes (lower case, upper case, digits,
 * symbols), and not the username: what level-3 protection asks of administrators' passwords.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "#%+-=@_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** The message key of the first rule {@code password} breaks, or empty when it is acceptable. */
	public static Optional<String> violation(String username, String password) {
		if (password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("password.classes");
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("password.containsUsername");
		}
		return Optional.empty();
	}

	/** A random password of 16 characters that satisfies the policy, for first start and resets. */
	public static String generate() {
		String all = LOWER + UPPER + DIGITS + SYMBOLS;
		StringBuilder sb = new StringBuilder();
		sb.append(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
		sb.append(UPPER.charAt(RANDOM.nextInt(UPPER.length())));
		sb.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
		sb.append(SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length())));
		while (sb.length() < 16) {
			sb.append(all.charAt(RANDOM.nextInt(all.length())));
		}
		for (int i = sb.length() - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char t = sb.charAt(i);
			sb.setCharAt(i, sb.charAt(j));
			sb.setCharAt(j, t);
		}
		return sb.toString();
	}
}
