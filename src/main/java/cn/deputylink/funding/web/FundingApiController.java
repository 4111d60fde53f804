package cn.deputylink.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.funding.Expenditure;
import cn.deputylink.funding.Funding;
import cn.deputylink.funding.FundingDetail;
import cn.deputylink.funding.NewExpenditure;
import cn.deputylink.funding.Purpose;
import cn.deputylink.funding.Reward;
import cn.deputylink.funding.TownshipFunding;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.web.Uploads;

/**
 * The townships' funding (county admins all, a township admin its own; others 403).
 * Amounts are JSON numbers of yuan with exactly two decimals ({@code 50000.00}); an
 * amount in a request is a JSON number with at most two decimals.
 */
@RestController
@RequestMapping("/api/v1/funding")
class FundingApiController {

	private final Funding funding;

	private final FundingExport export;

	private final MessageSource messages;

	FundingApiController(Funding funding, FundingExport export, MessageSource messages) {
		this.funding = funding;
		this.export = export;
		this.messages = messages;
	}

	record Overview(int year, BigDecimal defaultBudget, List<TownshipFunding> items, FundingExport.Totals total) {
	}

	record BudgetInput(@Nullable Integer year, @Nullable BigDecimal amount, @Nullable String note,
			@Nullable Integer version) {
	}

	record YearInput(@Nullable Integer year) {
	}

	record ApproveInput(@Nullable BigDecimal amount, @Nullable Integer version) {
	}

	record RejectInput(@Nullable String note, @Nullable Integer version) {
	}

	record VoidInput(@Nullable String reason, @Nullable Integer version) {
	}

	record ExpenditureInput(@Nullable Long townshipId, @Nullable Long stationId, @Nullable LocalDate spentOn,
			@Nullable BigDecimal amount, @Nullable Purpose purpose, @Nullable String description,
			@Nullable String payee) {
	}

	@GetMapping
	Overview overview(@RequestParam(required = false) @Nullable Integer year) {
		CurrentUser me = CurrentUser.get();
		List<TownshipFunding> items = funding.overview(year, me);
		int y = funding.year(year);
		return new Overview(y, funding.defaultBudget(), items, FundingExport.total(items));
	}

	@GetMapping("/townships/{id}")
	FundingDetail township(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return funding.township(id, year, CurrentUser.get());
	}

	@PutMapping("/townships/{id}/budget")
	TownshipFunding budget(@PathVariable long id, @RequestBody BudgetInput in) {
		CurrentUser me = CurrentUser.get();
		return funding.setBudget(id, funding.year(in.year()), in.amount(), in.note(), in.version(), me);
	}

	@GetMapping("/rewards")
	List<Reward> rewards(@RequestParam(required = false) @Nullable Integer year) {
		return funding.rewards(year, CurrentUser.get());
	}

	@PostMapping("/rewards/propose")
	List<Reward> propose(@RequestBody YearInput in) {
		return funding.proposeRewards(in.year(), CurrentUser.get());
	}

	@PostMapping("/rewards/{id}/approve")
	Reward approve(@PathVariable long id, @RequestBody ApproveInput in) {
		return funding.approve(id, in.amount(), in.version(), CurrentUser.get());
	}

	@PostMapping("/rewards/{id}/reject")
	Reward reject(@PathVariable long id, @RequestBody RejectInput in) {
		return funding.reject(id, in.note(), in.version(), CurrentUser.get());
	}

	@PostMapping(path = "/expenditures", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Expenditure> book(@RequestBody ExpenditureInput in) {
		Expenditure e = funding.book(new NewExpenditure(in.townshipId(), in.stationId(), in.spentOn(), in.amount(),
				in.purpose(), in.description(), in.payee()), List.of(), CurrentUser.get());
		return ResponseEntity.status(HttpStatus.CREATED).body(e);
	}

	@GetMapping("/expenditures/{id}")
	Expenditure expenditure(@PathVariable long id) {
		return funding.expenditure(id, CurrentUser.get());
	}

	@PostMapping("/expenditures/{id}/void")
	Expenditure voidIt(@PathVariable long id, @RequestBody VoidInput in) {
		return funding.voidExpenditure(id, in.reason(), in.version(), CurrentUser.get());
	}

	@PostMapping(path = "/expenditures/{id}/receipts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Expenditure> addReceipts(@PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
		Expenditure e = funding.addReceipts(id, uploads(files), CurrentUser.get());
		return ResponseEntity.status(HttpStatus.CREATED).body(e);
	}

	@GetMapping("/expenditures/{id}/receipts/{receiptId}")
	ResponseEntity<byte[]> receipt(@PathVariable long id, @PathVariable long receiptId) {
		return export.receipt(id, receiptId, CurrentUser.get());
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Integer year) {
		return export.download(year, CurrentUser.get(), LocaleContextHolder.getLocale());
	}

	static List<Upload> uploads(@Nullable List<MultipartFile> files) {
		return Uploads.of(files, "receipt");
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("funding.receipt.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
