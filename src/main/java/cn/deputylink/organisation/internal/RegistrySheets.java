package cn.deputylink.organisation.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.Village;
import cn.deputylink.organisation.VillageService;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;
import cn.deputylink.shared.excel.SheetRow;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * Excel templates, exports and imports of the registry's lists, each list named by its
 * path ({@code stations}); what is particular to a list is its {@link Sheet}.
 * <p>
 * Import is all-or-nothing because the county fills these lists once, from spreadsheets
 * it already keeps: a half-imported file is worse than none, since the person cannot tell
 * which rows to send again. So every row is checked first — with the same bean-validation
 * rules the forms use, plus the references a person types by name (township, villages,
 * stations, categories), duplicates inside the file and clashes with records that exist —
 * and every bad row is reported at once. Only a clean file is written, in one
 * transaction, through the list's service with the acting user, so that roles and
 * township scope hold exactly as they do for a form; a row the service still refuses
 * rolls the whole file back and is reported with its row number.
 * <p>
 * Exports hold what the user may see, with personal information masked (deputies' phones;
 * no ID numbers; phone and ID numbers inside free text).
 * <p>
 * An export can be edited and imported back: it carries each record's status and id after
 * the template's columns, and a row with an id updates that record instead of creating
 * one. A masked value that comes back as it was exported (a deputy's phone, a liaison
 * officer's number) keeps the value stored; a deputy's ID number, never exported, is kept
 * too. Rows that match their record exactly are left alone, so importing an unedited
 * export changes nothing.
 */
@Service
public class RegistrySheets {

	private final Map<String, SheetDefinition<?, ?>> sheets = new HashMap<>();

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final DeputyService deputies;

	private final DepartmentService departments;

	private final CategoryService categories;

	private final Validator validator;

	private final MessageSource messages;

	private final Vocabulary words;

	RegistrySheets(List<SheetDefinition<?, ?>> sheets, TownshipService townships, VillageService villages,
			StationService stations, DeputyService deputies, DepartmentService departments, CategoryService categories,
			Validator validator, MessageSource messages) {
		sheets.forEach(s -> this.sheets.put(s.path(), s));
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
		this.categories = categories;
		this.validator = validator;
		this.messages = messages;
		this.words = Vocabulary.of(messages);
	}

	/** Whether a list of this path has sheets. */
	public boolean has(String kind) {
		return sheets.containsKey(kind);
	}

	private SheetDefinition<?, ?> sheet(String kind) {
		SheetDefinition<?, ?> sheet = sheets.get(kind);
		if (sheet == null) {
			throw new NotFoundException("list", kind);
		}
		return sheet;
	}

	/** The list's name in {@code locale} ("工作室"), for titles and file names. */
	public String kindName(String kind, Locale locale) {
		return SheetValues.message(messages, sheet(kind).nameKey(), kind, locale);
	}

	/** The download's name as a person reads it: "工作室导入模板.xlsx", "工作室.xlsx". */
	public String fileName(String kind, boolean template, Locale locale) {
		String key = template ? "import.file.template" : "import.file.export";
		return messages.getMessage(key, new Object[] { kindName(kind, locale) }, kind, locale) + ".xlsx";
	}

	/**
	 * The same name in ASCII, for clients that ignore the UTF-8 one:
	 * "stations-template.xlsx".
	 */
	public static String asciiFileName(String kind, boolean template) {
		return kind + (template ? "-template" : "") + ".xlsx";
	}

	/**
	 * Whether the user's role may import this list: the roles the service lets create its
	 * records.
	 */
	public boolean canImport(String kind, CurrentUser u) {
		return sheet(kind).canImport(u);
	}

	/** Refuses (403) a user whose role may not import this list at all. */
	public void requireImporter(String kind, CurrentUser u) {
		if (!canImport(kind, u)) {
			throw new AccessDeniedException("role " + u.role() + " may not import " + kind);
		}
	}

	/** An empty workbook with the list's header row, in {@code locale}. */
	public byte[] template(String kind, Locale locale) {
		return Spreadsheets.write(kindName(kind, locale), headers(sheet(kind), messages, locale), List.of());
	}

	/** Every row of the list the user may see, personal information masked. */
	@Transactional(readOnly = true)
	public byte[] export(String kind, CurrentUser u, Locale locale) {
		SheetDefinition<?, ?> sheet = sheet(kind);
		List<String> headers = new ArrayList<>(headers(sheet, messages, locale));
		headers.add(SheetValues.message(messages, "import.col.active", "active", locale));
		headers.add(SheetValues.message(messages, "clerk.import.col.id", "id", locale));
		Map<Long, String> townshipNames = townships.all()
			.stream()
			.collect(Collectors.toMap(Township::id, Township::name));
		return Spreadsheets.write(kindName(kind, locale), headers,
				sheet.export(new SheetExport(u, locale, townshipNames, words, messages)));
	}

	/**
	 * What an import did: records created, records changed, and rows that matched their
	 * record unchanged.
	 */
	public record ImportResult(int created, int updated, int unchanged) {

		/** Every row of the file. */
		public int rows() {
			return created + updated + unchanged;
		}
	}

	/**
	 * Imports a whole file or nothing: rows without an id create records, rows with one
	 * update them. A row the services refuse leaves this method with an exception, which
	 * rolls back every row written before it.
	 * @return how many records were created and updated
	 * @throws SpreadsheetException the upload is not a readable workbook or not this
	 * list's template
	 * @throws ImportRejectedException at least one row is bad; nothing was written
	 * @throws AccessDeniedException the user's role may not import this list
	 */
	@Transactional
	public ImportResult importRows(String kind, InputStream in, CurrentUser u) {
		requireImporter(kind, u);
		return importRows(sheet(kind), in, u);
	}

	private <F, K> ImportResult importRows(SheetDefinition<F, K> sheet, InputStream in, CurrentUser u) {
		List<SheetRow> rows = Spreadsheets.read(in, acceptedHeaders(sheet, messages), optionalHeaders(sheet, messages));
		List<SheetCheck.Planned<F, K>> planned = new SheetCheck(new Visible(u), u, validator, words).check(sheet, rows);
		int[] counts = new int[3];
		planned.forEach(p -> counts[apply(sheet, p, u)]++);
		return new ImportResult(counts[0], counts[1], counts[2]);
	}

	/**
	 * Writes one checked row: 0 when it created a record, 1 when it changed one, 2 when
	 * it left one alone.
	 */
	private static <F, K> int apply(SheetDefinition<F, K> sheet, SheetCheck.Planned<F, K> p, CurrentUser u) {
		if (p.unchanged()) {
			return 2;
		}
		try {
			K id = p.id();
			K key;
			if (id == null) {
				key = sheet.create(p.form(), u);
			}
			else {
				sheet.update(id, p, u);
				key = id;
			}
			Boolean activate = p.activate();
			if (activate != null) {
				sheet.setActive(key, activate, u);
			}
			return id == null ? 0 : 1;
		}
		catch (RuntimeException ex) {
			List<RowError> errors = rowFailure(p.row(), ex);
			if (errors == null) {
				throw ex;
			}
			throw new ImportRejectedException(errors);
		}
	}

	/**
	 * The row errors for a refusal of a service that the checks before could not foresee
	 * (a concurrent insert, a rule only the service knows); {@code null} for a failure
	 * that is not the row's fault, which then surfaces as it is.
	 */
	static @Nullable List<RowError> rowFailure(int row, RuntimeException ex) {
		if (ex instanceof AccessDeniedException) {
			return List.of(new RowError(row, "import.row.forbidden"));
		}
		if (ex instanceof ConflictException c) {
			return List.of("registry.duplicate".equals(c.messageKey()) ? new RowError(row, "import.row.conflict")
					: new RowError(row, c.messageKey(), c.args()));
		}
		if (ex instanceof InvalidInputException i) {
			return i.errors().stream().map(e -> new RowError(row, e.messageKey(), e.args())).toList();
		}
		if (ex instanceof NotFoundException) {
			return List.of(new RowError(row, "import.row.notFound"));
		}
		if (ex instanceof DataIntegrityViolationException) {
			return List.of(new RowError(row, "import.row.conflict"));
		}
		return null;
	}

	// --- headers as people write them

	/** The header row in {@code locale}. */
	static List<String> headers(SheetDefinition<?, ?> sheet, MessageSource messages, Locale locale) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < sheet.columns().size(); i++) {
			out.add(SheetValues.message(messages, sheet.columnKey(i), sheet.columns().get(i), locale));
		}
		return out;
	}

	/**
	 * Each column's accepted headers: the Chinese and the English one, so either template
	 * imports.
	 */
	static List<Set<String>> acceptedHeaders(SheetDefinition<?, ?> sheet, MessageSource messages) {
		List<Set<String>> out = new ArrayList<>();
		for (int i = 0; i < sheet.columns().size(); i++) {
			out.add(names(messages, sheet.columnKey(i), sheet.columns().get(i)));
		}
		return out;
	}

	/** The headers of an export's extra columns (status, id), in either language. */
	static List<Set<String>> optionalHeaders(SheetDefinition<?, ?> sheet, MessageSource messages) {
		List<Set<String>> out = new ArrayList<>();
		for (int i = 0; i < SheetDefinition.EXTRAS.size(); i++) {
			out.add(names(messages, sheet.columnKey(sheet.columns().size() + i), SheetDefinition.EXTRAS.get(i)));
		}
		return out;
	}

	private static Set<String> names(MessageSource messages, String key, String fallback) {
		Set<String> names = new LinkedHashSet<>();
		for (Locale l : SheetValues.LANGUAGES) {
			names.add(SheetValues.message(messages, key, fallback, l).strip());
		}
		return names;
	}

	/**
	 * {@link SheetCheck.Existing} read through the services, each list once per import.
	 */
	private final class Visible implements SheetCheck.Existing {

		private final CurrentUser u;

		private final Map<Long, List<Village>> villagesOf = new HashMap<>();

		private @Nullable List<Township> townshipList;

		private @Nullable List<Station> stationList;

		private @Nullable List<Category> categoryList;

		private @Nullable List<Department> departmentList;

		private @Nullable List<Deputy> deputyList;

		Visible(CurrentUser u) {
			this.u = u;
		}

		@Override
		public List<Township> townships() {
			List<Township> l = townshipList;
			return l != null ? l : (townshipList = townships.all());
		}

		@Override
		public List<Village> villagesOf(long townshipId) {
			return villagesOf.computeIfAbsent(townshipId, t -> villages.ofTownship(t, u));
		}

		@Override
		public List<Station> stations() {
			List<Station> l = stationList;
			return l != null ? l : (stationList = SheetValues
				.all(a -> stations.list(ListFilter.all(), u, a, SheetValues.PAGE, 0), Station::id));
		}

		@Override
		public List<Category> categories() {
			List<Category> l = categoryList;
			return l != null ? l : (categoryList = categories.all());
		}

		@Override
		public List<Department> departments() {
			List<Department> l = departmentList;
			return l != null ? l : (departmentList = SheetValues
				.all(a -> departments.list(ListFilter.all(), null, u, a, SheetValues.PAGE, 0), Department::id));
		}

		@Override
		public List<Deputy> deputies() {
			List<Deputy> l = deputyList;
			return l != null ? l : (deputyList = SheetValues
				.all(a -> deputies.list(ListFilter.all(), u, a, SheetValues.PAGE, 0), Deputy::id));
		}

	}

}
