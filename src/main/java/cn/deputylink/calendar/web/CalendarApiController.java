package cn.deputylink.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.calendar.internal.CalendarAdmin;
import cn.deputylink.calendar.internal.CalendarYear;
import cn.deputylink.calendar.internal.SpecialDay;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.excel.SpreadsheetException;

/**
 * The calendar's JSON API: everyone signed in reads it and computes deadlines with it, a
 * county admin changes it. Paths and values are checked by {@link CalendarAdmin} so that
 * a bad date, kind, name or year is a 400 problem with the field named.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

	/** The most working days one deadline query may ask for (about fourteen years). */
	static final int MAX_DAYS = 3660;

	/** The body of {@code PUT /days/{date}}. */
	record DayBody(@Nullable String kind, @Nullable String name) {
	}

	record Deadline(LocalDate from, int days, LocalDate date) {
	}

	private final CalendarAdmin admin;

	private final WorkingCalendar calendar;

	CalendarApiController(CalendarAdmin admin, WorkingCalendar calendar) {
		this.admin = admin;
		this.calendar = calendar;
	}

	@GetMapping("/working-days")
	Deadline workingDays(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String days) {
		CurrentUser.get();
		LocalDate start = CalendarAdmin.date(from);
		int n;
		try {
			n = Integer.parseInt(days == null ? "" : days.strip());
		}
		catch (NumberFormatException ex) {
			n = -1;
		}
		if (n < 0 || n > MAX_DAYS) {
			throw new InvalidInputException("days", "calendar.error.days", String.valueOf(MAX_DAYS));
		}
		return new Deadline(start, n, calendar.addWorkingDays(start, n));
	}

	@GetMapping("/{year}")
	CalendarYear year(@PathVariable String year) {
		return admin.year(CalendarAdmin.year(year), CurrentUser.get());
	}

	@PutMapping("/days/{date}")
	SpecialDay put(@PathVariable String date, @RequestBody DayBody body) {
		return admin.put(date, body.kind(), body.name(), CurrentUser.get());
	}

	@DeleteMapping("/days/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String date) {
		admin.remove(date, CurrentUser.get());
	}

	@PostMapping("/{year}/import")
	Map<String, Integer> importYear(@PathVariable String year,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
		CurrentUser user = CurrentUser.get();
		admin.requireAdmin(user);
		int y = CalendarAdmin.year(year);
		if (file == null || file.isEmpty()) {
			throw new SpreadsheetException("import.error.noFile");
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("year", y, "imported", admin.importYear(y, in, user));
		}
		catch (IOException ex) {
			throw new SpreadsheetException("import.error.unreadable", ex);
		}
	}

}
