package cn.deputylink.shared;

import org.jspecify.annotations.Nullable;

/**
 * What text from outside may hold. NUL, the other control characters (except tab, line
 * feed and carriage return), the C1 controls, the non-characters U+FFFE/U+FFFF and lone
 * surrogates are not text: PostgreSQL refuses a NUL (so it used to end in a 500 there)
 * while H2 stores it, and a lone surrogate cannot even be written as UTF-8. Checking them
 * here, before anything is stored, makes both databases see the same text. JSON strings
 * with them are refused (400); form and query parameters are cleaned of them, so a stray
 * character pasted into a form does not lose the form.
 */
public final class TextInput {

	private TextInput() {
	}

	/**
	 * The one blank-to-null rule of the application: null, empty or whitespace-only text
	 * is absent (null); any other text loses its leading and trailing whitespace.
	 */
	public static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** Whether {@code s} is free of the characters described above. */
	public static boolean isClean(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				i++;
			}
			else if (refused(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code s} without the characters described above (the same instance when it has
	 * none).
	 */
	public static String clean(String s) {
		if (isClean(s)) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				out.append(c).append(s.charAt(++i));
			}
			else if (!refused(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean refused(char c) {
		if (c < 0x20) {
			return c != '\t' && c != '\n' && c != '\r';
		}
		return (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
	}

}
