package cn.deputylink.funding.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.funding.Expenditure;
import cn.deputylink.funding.Funding;
import cn.deputylink.funding.Receipt;
import cn.deputylink.funding.TownshipFunding;
import cn.deputylink.funding.internal.Money;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.excel.Spreadsheets;
import cn.deputylink.shared.excel.Workbooks;
import cn.deputylink.shared.web.AttachmentResponses;

/**
 * The year's workbook: a sheet of the townships (budget, approved rewards, spent,
 * balance) with a total row, and a sheet of the expenditures; amounts as numbers
 * formatted {@code #,##0.00}, printable on A4.
 */
@Component
class FundingExport {

	/** The sums over the townships of a list. */
	record Totals(BigDecimal budget, BigDecimal rewards, BigDecimal spent, BigDecimal balance) {
	}

	private final Funding funding;

	private final RegistryLookup registry;

	private final MessageSource messages;

	FundingExport(Funding funding, RegistryLookup registry, MessageSource messages) {
		this.funding = funding;
		this.registry = registry;
		this.messages = messages;
	}

	static Totals total(List<TownshipFunding> rows) {
		return new Totals(sum(rows, TownshipFunding::budget), sum(rows, TownshipFunding::rewards),
				sum(rows, TownshipFunding::spent), sum(rows, TownshipFunding::balance));
	}

	private static BigDecimal sum(List<TownshipFunding> rows, Function<TownshipFunding, BigDecimal> f) {
		return rows.stream().map(f).reduce(Money.ZERO, BigDecimal::add);
	}

	/** The year's workbook as a download (the API and the pages answer the same). */
	ResponseEntity<byte[]> download(@Nullable Integer year, CurrentUser u, Locale locale) {
		byte[] body = workbook(year, u, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header("Content-Disposition",
					AttachmentResponses.disposition(false, "funding-" + funding.year(year) + ".xlsx"))
			.body(body);
	}

	/** A receipt's bytes as a download (403 / 404 as {@link Funding#receipt} says). */
	ResponseEntity<byte[]> receipt(long expenditureId, long receiptId, CurrentUser u) {
		Receipt r = funding.receipt(expenditureId, receiptId, u);
		return AttachmentResponses.of(r.contentType(), r.filename(), r.sha256(), funding.receiptData(r));
	}

	byte[] workbook(@Nullable Integer year, CurrentUser u, Locale locale) {
		int y = funding.year(year);
		List<TownshipFunding> rows = funding.overview(y, u);
		List<Expenditure> expenditures = funding.expenditures(y, u);
		Totals t = total(rows);
		List<List<?>> townships = rows.stream()
			.map(r -> List.<Object>of(r.townshipName(), r.budget(), r.rewards(), r.spent(), r.balance()))
			.collect(Collectors.toList());
		List<?> totalRow = List.of(msg("funding.total", locale), t.budget(), t.rewards(), t.spent(), t.balance());
		Map<Long, String> names = registry
			.townshipNames(expenditures.stream().map(Expenditure::townshipId).distinct().toList());
		List<List<?>> spent = new ArrayList<>();
		for (Expenditure e : expenditures) {
			List<Object> row = new ArrayList<>();
			row.add(e.spentOn().toString());
			row.add(names.getOrDefault(e.townshipId(), ""));
			row.add(e.stationName() == null ? msg("funding.townshipLevel", locale) : e.stationName());
			row.add(msg("funding.purpose." + e.purpose(), locale));
			row.add(e.description());
			row.add(e.payee() == null ? "" : e.payee());
			row.add(e.amount());
			row.add(e.voided() ? msg("funding.voided", locale) + "：" + (e.voidReason() == null ? "" : e.voidReason())
					: "");
			spent.add(row);
		}
		return Workbooks.write(List.of(
				new Workbooks.SheetSpec(msg("funding.sheet.townships", locale),
						messages.getMessage("funding.title", new Object[] { y }, locale),
						List.of(msg("funding.col.township", locale), msg("funding.col.budget", locale),
								msg("funding.col.rewards", locale), msg("funding.col.spent", locale),
								msg("funding.col.balance", locale)),
						townships, totalRow, Set.of(1, 2, 3, 4)),
				new Workbooks.SheetSpec(msg("funding.sheet.expenditures", locale),
						messages.getMessage("funding.expenditures.title", new Object[] { y }, locale),
						List.of(msg("funding.col.spentOn", locale), msg("funding.col.township", locale),
								msg("funding.col.station", locale), msg("funding.col.purpose", locale),
								msg("funding.col.description", locale), msg("funding.col.payee", locale),
								msg("funding.col.amount", locale), msg("funding.col.voided", locale)),
						spent, null, Set.of(6))));
	}

	private String msg(String key, Locale locale) {
		String m = messages.getMessage(key, null, key, locale);
		return m == null ? key : m;
	}

}
