package cn.deputylink.shared.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A number typed into a page form: a blank, overlong or unreadable entry is null, and the
 * facade that receives it refuses null with its own field message (so the form is shown
 * again with that message rather than a binding error).
 */
@NamedInterface("web")
public final class FormNumbers {

	private FormNumbers() {
	}

	/**
	 * The number, or null for a blank entry, one longer than {@code maxLength}, or not a
	 * number.
	 */
	public static @Nullable BigDecimal decimal(@Nullable String s, int maxLength) {
		if (s == null || s.isBlank() || s.strip().length() > maxLength) {
			return null;
		}
		try {
			return new BigDecimal(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
