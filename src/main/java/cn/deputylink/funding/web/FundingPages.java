package cn.deputylink.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.funding.Funding;
import cn.deputylink.funding.FundingDetail;
import cn.deputylink.funding.NewExpenditure;
import cn.deputylink.funding.Purpose;
import cn.deputylink.funding.TownshipFunding;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The funding pages: the year's townships with the rewards panel ({@code /funding}), one
 * township's year with its expenditures, the booking form and the budget form
 * ({@code /funding/townships/{id}}). Forms refused are shown again with the input and the
 * messages.
 */
@Controller
@RequestMapping("/funding")
class FundingPages {

	private final Funding funding;

	private final FundingExport export;

	private final RegistryLookup registry;

	private final FormErrors errors;

	private final ZoneId zone;

	FundingPages(Funding funding, FundingExport export, RegistryLookup registry, FormErrors errors,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.zone = zone;
		this.funding = funding;
		this.export = export;
		this.registry = registry;
		this.errors = errors;
	}

	/** The booking form as typed. */
	record BookingForm(@Nullable String stationId, @Nullable String spentOn, @Nullable String amount,
			@Nullable String purpose, @Nullable String description, @Nullable String payee) {
	}

	/** The budget form as typed. */
	record BudgetForm(@Nullable String amount, @Nullable String note, @Nullable String version) {
	}

	@GetMapping
	String overview(@RequestParam(required = false) @Nullable Integer year, Model model) {
		CurrentUser me = CurrentUser.get();
		// the role first: a 403 for another role whatever year it asks
		List<TownshipFunding> rows = funding.overview(year, me);
		int y = funding.year(year);
		model.addAttribute("year", y);
		model.addAttribute("rows", rows);
		model.addAttribute("total", FundingExport.total(rows));
		model.addAttribute("rewards", funding.rewards(y, me));
		model.addAttribute("range", funding.rewardRange());
		model.addAttribute("county", me.isCountyAdmin());
		return "funding/overview";
	}

	@PostMapping("/rewards/propose")
	String propose(@RequestParam(required = false) @Nullable Integer year, RedirectAttributes redirect) {
		int y = funding.year(year);
		act(redirect, "funding.proposed", () -> funding.proposeRewards(y, CurrentUser.get()));
		return "redirect:/funding?year=" + y;
	}

	@PostMapping("/rewards/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		int y = funding.year(year);
		act(redirect, "funding.approved", () -> funding.approve(id,
				amount == null || amount.isBlank() ? null : decimal("amount", amount), version, CurrentUser.get()));
		return "redirect:/funding?year=" + y;
	}

	@PostMapping("/rewards/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		int y = funding.year(year);
		act(redirect, "funding.rejected", () -> funding.reject(id, note, version, CurrentUser.get()));
		return "redirect:/funding?year=" + y;
	}

	@GetMapping("/townships/{id}")
	String township(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Model model) {
		FundingDetail d = show(id, year, model);
		TownshipFunding s = d.summary();
		model.addAttribute("form",
				new BookingForm(null, LocalDate.now(zone).toString(), "", Purpose.ACTIVITY.name(), "", ""));
		model.addAttribute("budgetForm",
				new BudgetForm(s.budget().toPlainString(), "", Integer.toString(s.budgetVersion())));
		return "funding/township";
	}

	@PostMapping("/townships/{id}/budget")
	String budget(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, BudgetForm form,
			Model model, RedirectAttributes redirect) {
		int y = funding.year(year);
		CurrentUser me = CurrentUser.get();
		try {
			funding.setBudget(id, y, decimal("amount", form.amount()), form.note(), integer(form.version()), me);
			redirect.addFlashAttribute("flash", errors.msg("funding.budget.saved"));
			return "redirect:/funding/townships/" + id + "?year=" + y;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("budgetErrors", errors.of(ex));
		}
		FundingDetail d = show(id, y, model);
		model.addAttribute("form",
				new BookingForm(null, LocalDate.now(zone).toString(), "", Purpose.ACTIVITY.name(), "", ""));
		model.addAttribute("budgetForm", form);
		return "funding/township";
	}

	@PostMapping("/townships/{id}/expenditures")
	String book(@PathVariable long id, BookingForm form,
			@RequestParam(name = "receipts", required = false) @Nullable List<MultipartFile> receipts, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		Integer y = null;
		try {
			LocalDate day = date(form.spentOn());
			y = day == null ? null : day.getYear();
			funding.book(new NewExpenditure(id, longValue("stationId", form.stationId()), day,
					decimal("amount", form.amount()), purpose(form.purpose()), form.description(), form.payee()),
					FundingApiController.uploads(receipts), me);
			redirect.addFlashAttribute("flash", errors.msg("funding.booked"));
			return "redirect:/funding/townships/" + id + (y == null ? "" : "?year=" + y);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("receipts", "funding.receipt.tooLarge", ex.maxMegabytes()));
		}
		FundingDetail d = show(id, funding.year(y), model);
		model.addAttribute("form", form);
		model.addAttribute("budgetForm", new BudgetForm(d.summary().budget().toPlainString(), "",
				Integer.toString(d.summary().budgetVersion())));
		return "funding/township";
	}

	@PostMapping("/expenditures/{id}/void")
	String voidIt(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		var e = funding.expenditure(id, me);
		act(redirect, "funding.voidedDone", () -> funding.voidExpenditure(id, reason, version, me));
		return "redirect:/funding/townships/" + e.townshipId() + "?year=" + e.spentOn().getYear();
	}

	@PostMapping("/expenditures/{id}/receipts")
	String addReceipts(@PathVariable long id,
			@RequestParam(name = "receipts", required = false) @Nullable List<MultipartFile> receipts,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		var e = funding.expenditure(id, me);
		try {
			funding.addReceipts(id, FundingApiController.uploads(receipts), me);
			redirect.addFlashAttribute("flash", errors.msg("funding.receiptsAdded"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("funding.receipt.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/funding/townships/" + e.townshipId() + "?year=" + e.spentOn().getYear();
	}

	@GetMapping("/expenditures/{id}/receipts/{receiptId}")
	ResponseEntity<byte[]> receipt(@PathVariable long id, @PathVariable long receiptId) {
		return export.receipt(id, receiptId, CurrentUser.get());
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Integer year) {
		return export.download(year, CurrentUser.get(), LocaleContextHolder.getLocale());
	}

	private FundingDetail show(long id, @Nullable Integer year, Model model) {
		CurrentUser me = CurrentUser.get();
		FundingDetail d = funding.township(id, year, me);
		model.addAttribute("year", d.summary().year());
		model.addAttribute("d", d);
		model.addAttribute("s", d.summary());
		model.addAttribute("county", me.isCountyAdmin());
		model.addAttribute("stations", registry.stationsOf(id));
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("today", LocalDate.now(zone));
		return d;
	}

	private void act(RedirectAttributes redirect, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("flash", errors.msg(done));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
	}

	/** A typed amount; 400 on {@code field} for anything but a plain decimal number. */
	static @Nullable BigDecimal decimal(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace(",", "").replace("，", "");
		if (!t.matches("-?[0-9]{1,12}(\\.[0-9]{1,12})?")) {
			throw new InvalidInputException(field, "funding.amount.invalid");
		}
		return new BigDecimal(t);
	}

	private static @Nullable Long longValue(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "funding.expenditure.station");
		}
	}

	private static @Nullable Integer integer(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "validation.required");
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("spentOn", "funding.expenditure.day");
		}
	}

	private static @Nullable Purpose purpose(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Purpose.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("purpose", "validation.required");
		}
	}

}
