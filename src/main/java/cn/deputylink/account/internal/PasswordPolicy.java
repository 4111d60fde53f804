package cn.deputylink.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.deputylink.shared.StrongRandom;

/**
 * At least 12 characters drawn from at least three of four classes (lower case, upper
 * case, digits, symbols), not the username, and not one of the common passwords of
 * {@code account/common-passwords.txt} (nor such a word dressed up with leetspeak and
 * digits or symbols around it): what level-3 protection asks of passwords. The last
 * {@value #HISTORY} passwords of a user are refused too ({@link Accounts}).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	/**
	 * How many of a user's last passwords may not be chosen again (the current one
	 * included).
	 */
	public static final int HISTORY = 5;

	private static final Set<String> COMMON = load("/account/common-passwords.txt");

	public static final int MAX_LENGTH = 128;

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "#%+-=@_";

	private PasswordPolicy() {
	}

	/**
	 * The message key of the first rule {@code password} breaks, or empty when it is
	 * acceptable.
	 */
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
		if (isCommon(password)) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	/**
	 * Whether the password is a common one: as it is, or once digits and symbols around
	 * it are taken away and leetspeak is read back ({@code P@ssw0rd2026!} is
	 * {@code password}).
	 */
	static boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			return true;
		}
		String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
		return COMMON.contains(core) || COMMON.contains(unleet(core)) || COMMON.contains(unleet(lower));
	}

	private static String unleet(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			sb.append(switch (c) {
				case '@', '4' -> 'a';
				case '3' -> 'e';
				case '1', '!' -> 'i';
				case '0' -> 'o';
				case '$', '5' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return sb.toString();
	}

	private static Set<String> load(String resource) {
		var in = PasswordPolicy.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("missing " + resource);
		}
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.map(l -> l.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A random password of 16 characters that satisfies the policy, for first start and
	 * resets.
	 */
	public static String generate() {
		String all = LOWER + UPPER + DIGITS + SYMBOLS;
		StringBuilder sb = new StringBuilder();
		sb.append(LOWER.charAt(StrongRandom.current().nextInt(LOWER.length())));
		sb.append(UPPER.charAt(StrongRandom.current().nextInt(UPPER.length())));
		sb.append(DIGITS.charAt(StrongRandom.current().nextInt(DIGITS.length())));
		sb.append(SYMBOLS.charAt(StrongRandom.current().nextInt(SYMBOLS.length())));
		while (sb.length() < 16) {
			sb.append(all.charAt(StrongRandom.current().nextInt(all.length())));
		}
		for (int i = sb.length() - 1; i > 0; i--) {
			int j = StrongRandom.current().nextInt(i + 1);
			char t = sb.charAt(i);
			sb.setCharAt(i, sb.charAt(j));
			sb.setCharAt(j, t);
		}
		return sb.toString();
	}

}
