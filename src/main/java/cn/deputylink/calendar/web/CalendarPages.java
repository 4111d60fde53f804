package cn.deputylink.calendar.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.calendar.internal.CalendarAdmin;
import cn.deputylink.calendar.internal.DayKind;
import cn.deputylink.calendar.internal.SpecialDay;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.web.FormErrors;
import cn.deputylink.shared.web.RejectedRows;

/**
 * The calendar page: one year's holidays and adjusted working days, with a form to add or
 * change a day, a delete button per day and an upload that replaces the year: a county
 * admin's page (others get 403; the API still lets everyone read the calendar).
 * Post-redirect-get with a flash message; a form or file that is refused shows the page
 * again with the reasons.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarPages {

	/** The add/change form as typed. */
	record DayForm(String date, String kind, String name) {
	}

	private static final String VIEW = "admin/calendar";

	private final CalendarAdmin admin;

	private final FormErrors errors;

	private final MessageSource messages;

	private final Clock clock;

	CalendarPages(CalendarAdmin admin, FormErrors errors, MessageSource messages, Clock clock) {
		this.admin = admin;
		this.errors = errors;
		this.messages = messages;
		this.clock = clock;
	}

	private int yearOr(@Nullable String text) {
		try {
			return CalendarAdmin.year(text);
		}
		catch (InvalidInputException ex) {
			return LocalDate.now(clock).getYear();
		}
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String edit, Model model) {
		CurrentUser me = CurrentUser.get();
		admin.requireAdmin(me);
		int y = yearOr(year);
		DayForm form = new DayForm("", DayKind.HOLIDAY.name(), "");
		if (edit != null && me.isCountyAdmin()) {
			try {
				LocalDate d = CalendarAdmin.date(edit);
				y = d.getYear();
				form = admin.day(d, me)
					.map(s -> new DayForm(s.date().toString(), s.kind().name(), s.name()))
					.orElse(new DayForm(d.toString(), DayKind.HOLIDAY.name(), ""));
			}
			catch (InvalidInputException ex) {
				// an edit link typed by hand: show the year without it
			}
		}
		return page(model, y, form, me);
	}

	private String page(Model model, int year, DayForm form, CurrentUser me) {
		model.addAttribute("year", year);
		model.addAttribute("calendar", admin.year(year, me));
		model.addAttribute("form", form);
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("prevYear", year > CalendarAdmin.FIRST_YEAR ? year - 1 : null);
		model.addAttribute("nextYear", year < CalendarAdmin.LAST_YEAR ? year + 1 : null);
		model.addAttribute("firstYear", CalendarAdmin.FIRST_YEAR);
		model.addAttribute("lastYear", CalendarAdmin.LAST_YEAR);
		if (!model.containsAttribute("rowErrors")) {
			model.addAttribute("rowErrors", List.of());
		}
		return VIEW;
	}

	@PostMapping("/days")
	String put(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable String year,
			Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		SpecialDay saved;
		try {
			saved = admin.put(date, kind, name, me);
		}
		catch (InvalidInputException ex) {
			Map<String, String> found = errors.of(ex);
			model.addAttribute("errors", found);
			return page(model, yearOr(year), new DayForm(date, kind, name), me);
		}
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:/admin/calendar?year=" + saved.date().getYear();
	}

	@PostMapping("/days/{date}/delete")
	String delete(@PathVariable String date, RedirectAttributes redirect) {
		int year = yearOr(date.length() >= 4 ? date.substring(0, 4) : null);
		try {
			admin.remove(date, CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("calendar.removed", date));
		}
		catch (NotFoundException | InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("calendar.notSpecial", date));
		}
		return "redirect:/admin/calendar?year=" + year;
	}

	@PostMapping("/import")
	String upload(@RequestParam(required = false) @Nullable String year,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		CurrentUser me = CurrentUser.get();
		admin.requireAdmin(me);
		int y;
		try {
			y = CalendarAdmin.year(year);
		}
		catch (InvalidInputException ex) {
			return refused(model, response, yearOr(year), me, errors.of(ex).values().iterator().next());
		}
		if (file == null || file.isEmpty()) {
			return refused(model, response, y, me, msg(locale, "import.error.noFile"));
		}
		int imported;
		try (InputStream in = file.getInputStream()) {
			imported = admin.importYear(y, in, me);
		}
		catch (ImportRejectedException ex) {
			RejectedRows.addTo(model, ex, messages, locale);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(model, y, new DayForm("", DayKind.HOLIDAY.name(), ""), me);
		}
		catch (SpreadsheetException ex) {
			return refused(model, response, y, me, msg(locale, ex.messageKey()));
		}
		catch (IOException ex) {
			return refused(model, response, y, me, msg(locale, "import.error.upload"));
		}
		redirect.addFlashAttribute("flash", msg(locale, "calendar.imported", imported, String.valueOf(y)));
		return "redirect:/admin/calendar?year=" + y;
	}

	private String refused(Model model, HttpServletResponse response, int year, CurrentUser me, String message) {
		model.addAttribute("importMessage", message);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, year, new DayForm("", DayKind.HOLIDAY.name(), ""), me);
	}

	/**
	 * A multipart failure met while binding the file, before the page could be prepared.
	 */
	@ExceptionHandler(MultipartException.class)
	String multipart(MultipartException ex, Locale locale, RedirectAttributes redirect) {
		String key = ex instanceof MaxUploadSizeExceededException ? "import.error.tooLarge" : "import.error.upload";
		redirect.addFlashAttribute("flashError", msg(locale, key));
		return "redirect:/admin/calendar";
	}

	private String msg(Locale locale, String key, Object... args) {
		return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
	}

}
