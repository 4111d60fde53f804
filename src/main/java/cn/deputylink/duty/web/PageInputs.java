package cn.deputylink.duty.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.shared.InvalidInputException;

/** The duty pages' parsing of form fields (a bad value: a field error, never a 500). */
final class PageInputs {

	private PageInputs() {
	}

	static CurrentUser me() {
		return CurrentUser.get();
	}

	static Unavailability.@Nullable Reason reason(String value) {
		try {
			return value.isBlank() ? null : Unavailability.Reason.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable Integer number(String value) {
		try {
			return value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static LocalDate parseDate(String value) {
		return parseDate("date", value);
	}

	static LocalDate parseDate(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "duty.error.date");
		}
	}

	static long parseLong(String field, String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "duty.error.unknownValue");
		}
	}

	static @Nullable Integer version(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "duty.error.unknownValue");
		}
	}

}
