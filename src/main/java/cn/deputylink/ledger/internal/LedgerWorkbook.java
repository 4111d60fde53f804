package cn.deputylink.ledger.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.deputylink.activity.Activity;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.ledger.Ledger;
import cn.deputylink.ledger.LedgerFigures;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.excel.PrintedSheet;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * Writes a {@link Ledger} as the workbook: 概况 (the figures), 值班, 接待, 意见 and 活动, each
 * printed on A4 with its header row on every page, the station and period in the page
 * header and the page numbers in the footer. Personal information is masked whatever the
 * reader's role: names as 张*, phones as 138****5678, and phone or ID numbers typed into
 * free text as well.
 */
@Component
public class LedgerWorkbook {

	private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\dXx])\\d{17}[\\dXx](?![\\dXx])");

	private static final int SUMMARY_LENGTH = 120;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final RegistryLookup registry;

	private final ZoneId zone;

	LedgerWorkbook(MessageSource messages, RegistryLookup registry,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.messages = messages;
		this.registry = registry;
		this.zone = zone;
	}

	/** {@code 台账-东岭镇第一工作室-2026-01-01至2026-03-31.xlsx}. */
	public String fileName(Ledger l, Locale locale) {
		return msg("ledger.file", locale, l.station().name(), l.from().toString(), l.to().toString());
	}

	public byte[] write(Ledger l, Locale locale) {
		Set<Long> deputies = new HashSet<>();
		l.dutyDays().forEach(d -> d.attendees().forEach(a -> {
			deputies.add(a.deputyId());
			if (a.substituteId() != null) {
				deputies.add(a.substituteId());
			}
		}));
		l.activities().forEach(a -> deputies.addAll(a.deputyIds()));
		Map<Long, String> deputyNames = registry.deputyNames(deputies);
		Set<Long> departments = new HashSet<>();
		l.opinions().forEach(o -> {
			if (o.departmentId() != null) {
				departments.add(o.departmentId());
			}
		});
		Map<Long, String> departmentNames = registry.departmentNames(departments);
		Map<String, Category> categories = registry.activeCategoriesByCode();
		String title = msg("ledger.sheet.header", locale, l.station().townshipName(), l.station().name(),
				l.from().toString(), l.to().toString());
		List<PrintedSheet> sheets = List.of(summary(l, title, locale), dutyDays(l, title, deputyNames, locale),
				receptions(l, title, deputyNames, locale), opinions(l, title, departmentNames, categories, locale),
				activities(l, title, deputyNames, locale));
		return Spreadsheets.writePrinted(sheets, msg("ledger.footer", locale));
	}

	private PrintedSheet summary(Ledger l, String title, Locale locale) {
		LedgerFigures f = l.figures();
		List<List<?>> rows = new ArrayList<>();
		rows.add(List.of(msg("ledger.summary.station", locale), l.station().name()));
		rows.add(List.of(msg("ledger.summary.township", locale), l.station().townshipName()));
		rows.add(List.of(msg("ledger.summary.period", locale),
				msg("ledger.period", locale, l.from().toString(), l.to().toString())));
		rows.add(List.of(msg("ledger.summary.generatedAt", locale), l.generatedAt().format(MINUTE)));
		rows.add(List.of(msg("ledger.summary.generatedBy", locale), l.generatedBy()));
		rows.add(List.of(msg("ledger.figure.dutyDaysHeld", locale), f.dutyDaysHeld()));
		rows.add(List.of(msg("ledger.figure.constituentsReceived", locale), f.constituentsReceived()));
		rows.add(List.of(msg("ledger.figure.householdsVisited", locale), f.householdsVisited()));
		rows.add(List.of(msg("ledger.figure.activities", locale), f.activities()));
		rows.add(List.of(msg("ledger.figure.opinions", locale), f.opinions()));
		rows.add(List.of(msg("ledger.figure.opinionsResolved", locale), f.opinionsResolved()));
		rows.add(List.of(msg("ledger.figure.opinionsConverted", locale), f.opinionsConverted()));
		return new PrintedSheet(msg("ledger.sheet.summary", locale), pageHeader(title, "summary", locale),
				List.of(msg("ledger.col.item", locale), msg("ledger.col.value", locale)), rows, List.of(24, 48), false);
	}

	private PrintedSheet dutyDays(Ledger l, String title, Map<Long, String> names, Locale locale) {
		List<List<?>> rows = new ArrayList<>();
		for (DutyDay d : l.dutyDays()) {
			List<String> onDuty = d.deputyIds().stream().map(id -> names.getOrDefault(id, "#" + id)).toList();
			List<String> attendance = new ArrayList<>();
			for (Attendee a : d.attendees()) {
				if (a.status() == null) {
					continue;
				}
				String line = names.getOrDefault(a.deputyId(), "#" + a.deputyId()) + " "
						+ msg("duty.attendance." + a.status().name(), locale);
				if (a.substituteId() != null) {
					line += " (" + names.getOrDefault(a.substituteId(), "#" + a.substituteId()) + ")";
				}
				attendance.add(line);
			}
			rows.add(row(d.date().toString(), msg("duty.status." + d.status().name(), locale), String.join("、", onDuty),
					String.join("；", attendance), d.constituentsReceived()));
		}
		return new PrintedSheet(msg("ledger.sheet.duty", locale), pageHeader(title, "duty", locale),
				List.of(msg("ledger.col.date", locale), msg("ledger.col.status", locale),
						msg("ledger.col.onDuty", locale), msg("ledger.col.attendance", locale),
						msg("ledger.col.constituents", locale)),
				rows, List.of(12, 10, 30, 40, 12), true);
	}

	private PrintedSheet receptions(Ledger l, String title, Map<Long, String> names, Locale locale) {
		List<List<?>> rows = new ArrayList<>();
		for (Activity a : l.receptions()) {
			rows.add(row(a.date().toString(), clean(a.title()), deputies(a.deputyIds(), names),
					a.constituentsReceived(), clean(a.note())));
		}
		return new PrintedSheet(msg("ledger.sheet.receptions", locale), pageHeader(title, "receptions", locale),
				List.of(msg("ledger.col.date", locale), msg("ledger.col.title", locale),
						msg("ledger.col.deputies", locale), msg("ledger.col.constituents", locale),
						msg("ledger.col.note", locale)),
				rows, List.of(12, 30, 30, 12, 40), true);
	}

	private PrintedSheet opinions(Ledger l, String title, Map<Long, String> departments,
			Map<String, Category> categories, Locale locale) {
		List<List<?>> rows = new ArrayList<>();
		for (Opinion o : l.opinions()) {
			String category = o.categoryCode() == null ? null : categories.containsKey(o.categoryCode())
					? categories.get(o.categoryCode()).name(locale) : o.categoryCode();
			String name = o.anonymous() ? msg("ledger.anonymous", locale) : o.constituentNameMasked();
			rows.add(row(o.trackingCode(), day(o.receivedAt()), msg("opinion.source." + o.source().name(), locale),
					category, name, o.anonymous() ? null : Masking.phone(o.phoneMasked()), summary(o.content()),
					msg("opinion.status." + o.status().name(), locale),
					o.departmentId() == null ? null : departments.get(o.departmentId()),
					o.dueDate() == null ? null : o.dueDate().toString(),
					o.repliedAt() == null ? null : day(o.repliedAt()),
					o.outcome() == null ? null : msg("opinion.outcome." + o.outcome().name(), locale),
					o.satisfaction() == null ? null : msg("opinion.satisfaction." + o.satisfaction().name(), locale)));
		}
		return new PrintedSheet(msg("ledger.sheet.opinions", locale), pageHeader(title, "opinions", locale), List.of(
				msg("ledger.col.code", locale), msg("ledger.col.received", locale), msg("ledger.col.source", locale),
				msg("ledger.col.category", locale), msg("ledger.col.constituent", locale),
				msg("ledger.col.phone", locale), msg("ledger.col.summary", locale), msg("ledger.col.status", locale),
				msg("ledger.col.department", locale), msg("ledger.col.due", locale), msg("ledger.col.replied", locale),
				msg("ledger.col.outcome", locale), msg("ledger.col.rating", locale)), rows,
				List.of(16, 12, 9, 12, 8, 13, 40, 9, 20, 12, 12, 11, 10), true);
	}

	private PrintedSheet activities(Ledger l, String title, Map<Long, String> names, Locale locale) {
		List<List<?>> rows = new ArrayList<>();
		for (Activity a : l.activities()) {
			rows.add(row(a.date().toString(), msg("activity.type." + a.type().name(), locale), clean(a.title()),
					deputies(a.deputyIds(), names), a.constituentsReceived(), a.householdsVisited()));
		}
		return new PrintedSheet(msg("ledger.sheet.activities", locale), pageHeader(title, "activities", locale),
				List.of(msg("ledger.col.date", locale), msg("ledger.col.type", locale), msg("ledger.col.title", locale),
						msg("ledger.col.deputies", locale), msg("ledger.col.constituents", locale),
						msg("ledger.col.households", locale)),
				rows, List.of(12, 14, 36, 30, 12, 12), true);
	}

	private static List<@Nullable Object> row(@Nullable Object... cells) {
		List<@Nullable Object> out = new ArrayList<>();
		for (Object c : cells) {
			out.add(c);
		}
		return out;
	}

	private String pageHeader(String title, String sheet, Locale locale) {
		// "&" starts a code in Excel's header text
		return (title + " · " + msg("ledger.sheet." + sheet, locale)).replace("&", "&&");
	}

	private static String deputies(Collection<Long> ids, Map<Long, String> names) {
		return String.join("、", ids.stream().map(id -> names.getOrDefault(id, "#" + id)).toList());
	}

	private String day(OffsetDateTime t) {
		LocalDate d = t.atZoneSameInstant(zone).toLocalDate();
		return d.toString();
	}

	private static @Nullable String summary(@Nullable String content) {
		String c = clean(content);
		if (c == null) {
			return null;
		}
		String oneLine = c.replaceAll("\\s+", " ").strip();
		return oneLine.codePointCount(0, oneLine.length()) <= SUMMARY_LENGTH ? oneLine
				: oneLine.substring(0, oneLine.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
	}

	/** Free text with any phone or ID number in it masked. */
	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String out = replace(ID_NUMBER, text, m -> Objects.requireNonNull(Masking.idNumber(m)));
		return replace(PHONE, out, m -> Objects.requireNonNull(Masking.phone(m)));
	}

	private static String replace(Pattern p, String text, UnaryOperator<String> mask) {
		Matcher m = p.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(mask.apply(m.group())));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private String msg(String key, Locale locale, Object... args) {
		return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
	}

}
