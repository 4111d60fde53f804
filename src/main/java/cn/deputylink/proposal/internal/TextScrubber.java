package cn.deputylink.proposal.internal;

import java.util.regex.Pattern;

/**
 * Removes personal information from text the public sees: resident ID numbers (18
 * characters, the last may be X; or the old 15 digits) and phone numbers (mainland
 * mobiles, with or without +86 and separators; landlines with an area code), each
 * replaced by a mark.
 */
public final class TextScrubber {

	static final String MARK = "[已隐去]";

	private static final Pattern ID_NUMBER = Pattern.compile(
			"(?<![0-9A-Za-z])(?:[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern
		.compile("(?<![0-9])(?:(?:\\+|00)?86[\\s-]?)?1[3-9][0-9](?:[\\s-]?[0-9]{4}){2}(?![0-9])");

	private static final Pattern LANDLINE = Pattern
		.compile("(?<![0-9])(?:\\(0[0-9]{2,3}\\)|0[0-9]{2,3})[\\s-]?[0-9]{7,8}(?![0-9])");

	private TextScrubber() {
	}

	public static String scrub(String text) {
		String out = ID_NUMBER.matcher(text).replaceAll(MARK);
		out = MOBILE.matcher(out).replaceAll(MARK);
		return LANDLINE.matcher(out).replaceAll(MARK);
	}

}
