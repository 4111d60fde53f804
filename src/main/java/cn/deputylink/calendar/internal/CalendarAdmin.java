package cn.deputylink.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.SpreadsheetException;

/**
 * Keeping the county's calendar: everyone signed in reads it, only a county admin changes
 * it. Every change is checked whole before anything is written, and runs in one
 * transaction.
 */
@Service
public class CalendarAdmin {

	/** The years the calendar accepts; anything else is a typo. */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	private final CalendarDays days;

	CalendarAdmin(CalendarDays days) {
		this.days = days;
	}

	/** Refuses (403) anyone but a county admin. */
	public void requireAdmin(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
	}

	/**
	 * A year as written in a URL or form. @throws InvalidInputException not a year the
	 * calendar accepts
	 */
	public static int year(@Nullable String text) {
		try {
			int y = Integer.parseInt(text == null ? "" : text.strip());
			if (y >= FIRST_YEAR && y <= LAST_YEAR) {
				return y;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("year", "calendar.error.year", String.valueOf(FIRST_YEAR),
				String.valueOf(LAST_YEAR));
	}

	/**
	 * A date as written in a URL or form (yyyy-MM-dd). @throws InvalidInputException it
	 * is not one
	 */
	public static LocalDate date(@Nullable String text) {
		Optional<LocalDate> d = text == null ? Optional.empty() : CalendarFiles.date(text);
		if (d.isEmpty()) {
			throw new InvalidInputException("date", "calendar.error.date");
		}
		if (d.get().getYear() < FIRST_YEAR || d.get().getYear() > LAST_YEAR) {
			throw new InvalidInputException("date", "calendar.error.year", String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
		return d.get();
	}

	/** The special days of {@code year}. */
	@Transactional(readOnly = true)
	public CalendarYear year(int year, CurrentUser u) {
		return new CalendarYear(year, days.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
	}

	/** One special day, if {@code day} is one. */
	@Transactional(readOnly = true)
	public Optional<SpecialDay> day(LocalDate day, CurrentUser u) {
		return days.find(day);
	}

	/**
	 * Makes {@code date} a special day of {@code kind} named {@code name}, or changes it.
	 * @throws InvalidInputException with every field that is wrong; nothing was written
	 */
	@Transactional
	public SpecialDay put(@Nullable String date, @Nullable String kind, @Nullable String name, CurrentUser u) {
		requireAdmin(u);
		List<FieldError> errors = new ArrayList<>();
		LocalDate d = null;
		try {
			d = date(date);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		Optional<DayKind> k = CalendarFiles.kind(kind);
		if (k.isEmpty()) {
			errors.add(new FieldError("kind", "calendar.error.kind"));
		}
		else if (d != null) {
			String wrong = CalendarFiles.kindOnDate(d, k.get());
			if (wrong != null) {
				errors.add(new FieldError("kind", wrong, d.toString()));
			}
		}
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			errors.add(new FieldError("name", "validation.required"));
		}
		else if (CalendarFiles.tooLong(n)) {
			errors.add(new FieldError("name", "calendar.error.nameTooLong", CalendarFiles.MAX_NAME));
		}
		if (!errors.isEmpty() || d == null) {
			throw new InvalidInputException(errors);
		}
		SpecialDay day = new SpecialDay(d, k.get(), n);
		days.claimYear(day.date().getYear(), "ADMIN");
		days.put(day, u.getUsername());
		return day;
	}

	/**
	 * Makes {@code date} an ordinary day again.
	 * @throws NotFoundException it was not a special day
	 */
	@Transactional
	public void remove(@Nullable String date, CurrentUser u) {
		requireAdmin(u);
		LocalDate d = date(date);
		if (!days.delete(d)) {
			throw new NotFoundException("calendar day", d);
		}
	}

	/**
	 * Replaces the special days of {@code year} with those of a CSV or .xlsx file
	 * (columns date, kind, name), or changes nothing.
	 * @return the number of special days the year now has
	 * @throws SpreadsheetException the file is unreadable or not the calendar's template
	 * @throws ImportRejectedException at least one row is bad (every bad row is listed);
	 * nothing was written
	 * @throws AccessDeniedException the user is not a county admin
	 */
	@Transactional
	public int importYear(int year, InputStream in, CurrentUser u) {
		requireAdmin(u);
		byte[] bytes;
		try {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<SpecialDay> rows = CalendarFiles.check(CalendarFiles.read(bytes), year);
		days.claimYear(year, "IMPORT");
		days.deleteYear(year);
		rows.forEach(d -> days.insert(d, u.getUsername()));
		return rows.size();
	}

	/**
	 * Loads the shipped special days of {@code year} unless the database holds that year
	 * already: the year is claimed in the same transaction as its days are written, so of
	 * several nodes starting at once one loads it.
	 * @return whether they were loaded
	 */
	@Transactional
	boolean loadDefaults(int year, List<SpecialDay> list) {
		if (!days.claimYear(year, "DEFAULT")) {
			return false;
		}
		list.forEach(d -> days.insert(d, "system"));
		return true;
	}

}
