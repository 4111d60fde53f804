package cn.deputylink.calendar.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;
import cn.deputylink.shared.excel.SheetRow;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * Reading and checking calendar files: CSV (UTF-8, with or without BOM, or GBK as Excel
 * saves it in China) or .xlsx, columns {@code date,kind,name} (or 日期,类型,名称). Row numbers
 * are those a person sees: the header is row 1.
 */
final class CalendarFiles {

	static final List<Set<String>> HEADERS = List.of(Set.of("date", "Date", "DATE", "日期"),
			Set.of("kind", "Kind", "KIND", "类型"), Set.of("name", "Name", "NAME", "名称"));

	static final int MAX_NAME = 100;

	/**
	 * The spellings of a date accepted, strictly: 2026-02-30 is no date, not 28 February.
	 */
	private static final List<DateTimeFormatter> DATES = Stream
		.of("uuuu-MM-dd", "uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final Map<String, DayKind> KINDS = Map.of("holiday", DayKind.HOLIDAY, "休", DayKind.HOLIDAY, "放假",
			DayKind.HOLIDAY, "节假日", DayKind.HOLIDAY, "workday", DayKind.WORKDAY, "班", DayKind.WORKDAY, "上班",
			DayKind.WORKDAY, "补班", DayKind.WORKDAY, "调休上班", DayKind.WORKDAY);

	private CalendarFiles() {
	}

	/** The data rows of an upload: .xlsx when it is a zip, else CSV. */
	static List<SheetRow> read(byte[] bytes) {
		if (bytes.length == 0) {
			throw new SpreadsheetException("import.error.noFile");
		}
		if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
			return Spreadsheets.read(new ByteArrayInputStream(bytes), HEADERS);
		}
		return csv(decode(bytes));
	}

	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buf)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	/**
	 * CSV as RFC 4180 has it (quoted fields may hold commas and doubled quotes), one
	 * record a line.
	 */
	static List<SheetRow> csv(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r\n|\n|\r", -1);
		List<SheetRow> rows = new ArrayList<>();
		boolean header = false;
		for (int i = 0; i < lines.length; i++) {
			List<String> cells = fields(lines[i]);
			if (cells.stream().allMatch(String::isEmpty)) {
				continue;
			}
			if (!header) {
				for (int c = 0; c < HEADERS.size(); c++) {
					if (c >= cells.size() || !HEADERS.get(c).contains(cells.get(c))) {
						throw new SpreadsheetException("import.error.wrongTemplate");
					}
				}
				header = true;
				continue;
			}
			if (rows.size() >= Spreadsheets.MAX_ROWS) {
				throw new SpreadsheetException("import.error.tooManyRows");
			}
			rows.add(new SheetRow(i + 1, cells));
		}
		if (!header) {
			throw new SpreadsheetException("import.error.wrongTemplate");
		}
		if (rows.isEmpty()) {
			throw new SpreadsheetException("import.error.noRows");
		}
		return rows;
	}

	private static List<String> fields(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cur.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cur.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				out.add(cur.toString().strip());
				cur.setLength(0);
			}
			else {
				cur.append(ch);
			}
		}
		out.add(cur.toString().strip());
		return out;
	}

	static Optional<LocalDate> date(String text) {
		for (DateTimeFormatter f : DATES) {
			try {
				return Optional.of(LocalDate.parse(text.strip(), f));
			}
			catch (DateTimeParseException ex) {
				// try the next spelling
			}
		}
		return Optional.empty();
	}

	/**
	 * A kind as written: HOLIDAY / WORKDAY in any case, or 休 / 放假 / 节假日 and 班 / 上班 / 补班 /
	 * 调休上班.
	 */
	static Optional<DayKind> kind(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(KINDS.get(text.strip().toLowerCase(Locale.ROOT)));
	}

	/** Longer than the column holds, counted in characters as PostgreSQL counts them. */
	static boolean tooLong(String name) {
		return name.codePointCount(0, name.length()) > MAX_NAME;
	}

	/**
	 * The message key of what is wrong with a day's kind on its date, or null when
	 * nothing is.
	 */
	static @Nullable String kindOnDate(LocalDate date, DayKind kind) {
		return kind == DayKind.WORKDAY && !WorkingDays.weekend(date) ? "calendar.error.workdayOnWeekday" : null;
	}

	/**
	 * The special days of the rows, every one checked: date (inside {@code year} unless
	 * null), kind, name, no date twice.
	 * @throws ImportRejectedException with every bad row, when there is one
	 */
	static List<SpecialDay> check(List<SheetRow> rows, @Nullable Integer year) {
		List<RowError> errors = new ArrayList<>();
		List<SpecialDay> days = new ArrayList<>();
		Map<LocalDate, Integer> seen = new HashMap<>();
		for (SheetRow row : rows) {
			int before = errors.size();
			Optional<LocalDate> date = date(row.get(0));
			Optional<DayKind> kind = kind(row.get(1));
			String name = row.get(2).strip();
			if (date.isEmpty()) {
				errors.add(new RowError(row.number(), "calendar.import.date", row.get(0)));
			}
			else if (year != null && date.get().getYear() != year) {
				errors.add(new RowError(row.number(), "calendar.import.outsideYear", date.get().toString(),
						String.valueOf(year)));
			}
			else if (seen.containsKey(date.get())) {
				errors.add(new RowError(row.number(), "calendar.import.duplicate", date.get().toString(),
						String.valueOf(seen.get(date.get()))));
			}
			if (kind.isEmpty()) {
				errors.add(new RowError(row.number(), "calendar.import.kind", row.get(1)));
			}
			else if (date.isPresent()) {
				String wrong = kindOnDate(date.get(), kind.get());
				if (wrong != null) {
					errors.add(new RowError(row.number(), wrong, date.get().toString()));
				}
			}
			if (name.isEmpty()) {
				errors.add(new RowError(row.number(), "calendar.import.nameMissing"));
			}
			else if (tooLong(name)) {
				errors.add(new RowError(row.number(), "calendar.import.nameTooLong", MAX_NAME));
			}
			date.ifPresent(d -> seen.putIfAbsent(d, row.number()));
			if (errors.size() == before) {
				days.add(new SpecialDay(date.orElseThrow(), kind.orElseThrow(), name));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return days;
	}

}
