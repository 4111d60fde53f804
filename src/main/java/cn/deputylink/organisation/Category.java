package cn.deputylink.organisation;

import java.util.Locale;

/**
 * A category of constituents' opinions, with the working days a department has to reply.
 */
public record Category(String code, String nameZh, String nameEn, int sortOrder, int dueWorkingDays, boolean active,
		int version) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
