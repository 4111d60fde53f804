package cn.deputylink.organisation;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;
import cn.deputylink.shared.excel.SheetRow;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * Excel templates, exports and imports of the registry's lists.
 * <p>
 * Import is all-or-nothing because the county fills these lists once, from spreadsheets it already
 * keeps: a half-imported file is worse than none, since the person cannot tell which rows to send
 * again. So every row is checked first — with the same bean-validation rules the forms use, plus the
 * references a person types by name (township, villages, stations, categories), duplicates inside the
 * file and clashes with records that exist — and every bad row is reported at once. Only a clean file is
 * written, in one transaction, through the {@link Registry} with the acting user, so that roles and
 * township scope hold exactly as they do for a form; a row the registry still refuses rolls the whole
 * file back and is reported with its row number.
 * <p>
 * Exports hold what the user may see, with personal information masked (deputies' phones; no ID
 * numbers; phone and ID numbers inside free text).
 * <p>
 * An export can be edited and imported back: it carries each record's status and id after the
 * template's columns, and a row with an id updates that record instead of creating one. A masked
 * value that comes back as it was exported (a deputy's phone, a liaison officer's number) keeps the
 * value stored; a deputy's ID number, never exported, is kept too. Rows that match their record
 * exactly are left alone, so importing an unedited export changes nothing.
 */
@Service
public class RegistrySheets {

	/** Page size when reading whole lists through the registry (its maximum). */
	static final int PAGE = 500;

	/** The languages a header or a value may be written in. */
	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\r\\n]+");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

	private final Registry registry;

	private final Validator validator;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final Vocabulary words;

	RegistrySheets(Registry registry, Validator validator, MessageSource messages, TransactionTemplate tx) {
		this.registry = registry;
		this.validator = validator;
		this.messages = messages;
		this.tx = tx;
		this.words = Vocabulary.of(messages);
	}

	/** The list's name in {@code locale} ("工作室"), for titles and file names. */
	public String kindName(SheetKind kind, Locale locale) {
		return messages.getMessage(kind.nameKey(), null, kind.path(), locale);
	}

	/** The download's name as a person reads it: "工作室导入模板.xlsx", "工作室.xlsx". */
	public String fileName(SheetKind kind, boolean template, Locale locale) {
		String key = template ? "import.file.template" : "import.file.export";
		return messages.getMessage(key, new Object[] { kindName(kind, locale) }, kind.path(), locale) + ".xlsx";
	}

	/** The same name in ASCII, for clients that ignore the UTF-8 one: "stations-template.xlsx". */
	public static String asciiFileName(SheetKind kind, boolean template) {
		return kind.path() + (template ? "-template" : "") + ".xlsx";
	}

	/** Whether the user's role may import this list: the roles the registry lets create its records. */
	public boolean canImport(SheetKind kind, CurrentUser u) {
		return switch (kind) {
			case TOWNSHIPS, CATEGORIES -> u.isCountyAdmin();
			default -> u.isCountyAdmin() || u.is(Role.TOWNSHIP_ADMIN);
		};
	}

	/** Refuses (403) a user whose role may not import this list at all. */
	public void requireImporter(SheetKind kind, CurrentUser u) {
		if (!canImport(kind, u)) {
			throw new AccessDeniedException("role " + u.role() + " may not import " + kind.path());
		}
	}

	/** An empty workbook with the list's header row, in {@code locale}. */
	public byte[] template(SheetKind kind, Locale locale) {
		return Spreadsheets.write(kindName(kind, locale), headers(kind, messages, locale), List.of());
	}

	/** Every row of the list the user may see, personal information masked. */
	public byte[] export(SheetKind kind, CurrentUser u, Locale locale) {
		List<String> headers = new ArrayList<>(headers(kind, messages, locale));
		headers.add(messages.getMessage("import.col.active", null, "active", locale));
		headers.add(messages.getMessage("clerk.import.col.id", null, "id", locale));
		return Spreadsheets.write(kindName(kind, locale), headers, exportRows(kind, u, locale));
	}

	/** What an import did: records created, records changed, and rows that matched their record unchanged. */
	public record ImportResult(int created, int updated, int unchanged) {

		/** Every row of the file. */
		public int rows() {
			return created + updated + unchanged;
		}
	}

	/**
	 * Imports a whole file or nothing: rows without an id create records, rows with one update them.
	 * @return how many records were created and updated
	 * @throws SpreadsheetException the upload is not a readable workbook or not this list's template
	 * @throws ImportRejectedException at least one row is bad; nothing was written
	 * @throws AccessDeniedException the user's role may not import this list
	 */
	public ImportResult importRows(SheetKind kind, InputStream in, CurrentUser u) {
		requireImporter(kind, u);
		List<SheetRow> rows = Spreadsheets.read(in, acceptedHeaders(kind, messages), optionalHeaders(kind, messages));
		List<Planned> planned = new SheetCheck(kind, new Visible(u), u, validator, words).check(rows);
		int[] counts = new int[3];
		try {
			tx.executeWithoutResult(status -> planned.forEach(p -> counts[apply(kind, p, u)]++));
		}
		catch (RowFailed ex) {
			throw new ImportRejectedException(ex.errors);
		}
		return new ImportResult(counts[0], counts[1], counts[2]);
	}

	/** Writes one checked row: 0 when it created a record, 1 when it changed one, 2 when it left one alone. */
	private int apply(SheetKind kind, Planned p, CurrentUser u) {
		if (p.unchanged()) {
			return 2;
		}
		try {
			Object key = p.id() == null ? create(p.form(), u) : update(p, u);
			if (p.activate() != null) {
				setActive(kind, key, p.activate(), u);
			}
			return p.id() == null ? 0 : 1;
		}
		catch (RuntimeException ex) {
			List<RowError> errors = rowFailure(p.row(), ex);
			if (errors == null) {
				throw ex;
			}
			// leaving the callback with an exception rolls back every row written so far
			throw new RowFailed(errors, ex);
		}
	}

	/** Creates the record of a row and returns its id (a category's code). */
	private Object create(Object form, CurrentUser u) {
		if (form instanceof TownshipForm f) {
			return registry.createTownship(f, u).id();
		}
		if (form instanceof VillageForm f) {
			return registry.createVillage(f, u).id();
		}
		if (form instanceof StationForm f) {
			return registry.createStation(f, u).id();
		}
		if (form instanceof DeputyForm f) {
			return registry.createDeputy(f, u).id();
		}
		if (form instanceof DepartmentForm f) {
			return registry.createDepartment(f, u).id();
		}
		if (form instanceof CategoryForm f) {
			return registry.createCategory(f, u).code();
		}
		throw new IllegalStateException("no registry call for " + form.getClass());
	}

	/** Updates the record a row names, through the same registry calls as the edit forms. */
	private Object update(Planned p, CurrentUser u) {
		Object form = p.form();
		Object key = Objects.requireNonNull(p.id());
		if (form instanceof CategoryForm f) {
			registry.updateCategory((String) key, f, u);
			return key;
		}
		long id = (Long) key;
		if (form instanceof TownshipForm f) {
			registry.updateTownship(id, f, u);
		}
		else if (form instanceof VillageForm f) {
			registry.updateVillage(id, f, u);
		}
		else if (form instanceof StationForm f) {
			registry.updateStation(id, f, u);
		}
		else if (form instanceof DeputyForm f) {
			// the export masks the phone and leaves out the ID number: what came back masked stays as stored
			Deputy stored = registry.deputyUnmasked(id, u);
			registry.updateDeputy(id, new DeputyForm(f.name(), f.levels(), p.keepPhone() ? stored.phone() : f.phone(),
					stored.idNumber(), f.constituency(), f.stationIds(), f.version()), u);
		}
		else if (form instanceof DepartmentForm f) {
			registry.updateDepartment(id, f, u);
		}
		else {
			throw new IllegalStateException("no registry call for " + form.getClass());
		}
		return key;
	}

	private void setActive(SheetKind kind, Object key, boolean active, CurrentUser u) {
		switch (kind) {
			case TOWNSHIPS -> registry.setTownshipActive((Long) key, active, u);
			case VILLAGES -> registry.setVillageActive((Long) key, active, u);
			case STATIONS -> registry.setStationActive((Long) key, active, u);
			case DEPUTIES -> registry.setDeputyActive((Long) key, active, u);
			case DEPARTMENTS -> registry.setDepartmentActive((Long) key, active, u);
			case CATEGORIES -> registry.setCategoryActive((String) key, active, u);
		}
	}

	/**
	 * The row errors for a refusal of the registry that the checks before could not foresee (a
	 * concurrent insert, a rule only the registry knows); {@code null} for a failure that is not the
	 * row's fault, which then surfaces as it is.
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

	/** A row that the registry refused inside the import transaction. */
	private static final class RowFailed extends RuntimeException {

		private final transient List<RowError> errors;

		RowFailed(List<RowError> errors, Throwable cause) {
			super(errors.size() + " row errors", cause);
			this.errors = errors;
		}
	}

	// --- export

	private List<List<?>> exportRows(SheetKind kind, CurrentUser u, Locale locale) {
		String sep = "en".equals(locale.getLanguage()) ? ", " : "、";
		Map<Long, String> townshipNames = registry.allTownships()
			.stream()
			.collect(Collectors.toMap(Township::id, Township::name));
		List<List<?>> rows = new ArrayList<>();
		switch (kind) {
			case TOWNSHIPS -> {
				for (Township t : all(a -> registry.townships(ListFilter.all(), u, a, PAGE, 0), Township::id)) {
					rows.add(row(t.code(), t.name(), status(t.active(), locale), t.id()));
				}
			}
			case VILLAGES -> {
				for (Village v : all(a -> registry.villages(ListFilter.all(), u, a, PAGE, 0), Village::id)) {
					rows.add(row(townshipNames.get(v.townshipId()), v.name(), status(v.active(), locale), v.id()));
				}
			}
			case STATIONS -> {
				Map<Long, String> villageNames = all(a -> registry.villages(ListFilter.all(), u, a, PAGE, 0), Village::id)
					.stream()
					.collect(Collectors.toMap(Village::id, Village::name));
				for (Station s : all(a -> registry.stations(ListFilter.all(), u, a, PAGE, 0), Station::id)) {
					rows.add(row(townshipNames.get(s.townshipId()), s.name(), s.address(), s.openingRule(),
							join(s.villageIds().stream().map(villageNames::get), sep),
							join(s.facilities().stream().sorted().map(f -> words.facilities().label(f, locale)), sep),
							maskFreeText(s.liaisonOfficers()), status(s.active(), locale), s.id()));
				}
			}
			case DEPUTIES -> {
				Map<Long, String> stationLabels = stationLabels(
						all(a -> registry.stations(ListFilter.all(), u, a, PAGE, 0), Station::id), townshipNames);
				// the registry hands out deputies masked already; the ID number is not exported at all
				for (Deputy d : all(a -> registry.deputies(ListFilter.all(), u, a, PAGE, 0), Deputy::id)) {
					rows.add(row(d.name(), join(d.levels().stream().sorted().map(l -> words.levels().label(l, locale)), sep),
							Masking.phone(d.phone()), join(d.stationIds().stream().map(stationLabels::get), sep),
							d.constituency(), status(d.active(), locale), d.id()));
				}
			}
			case DEPARTMENTS -> {
				Map<String, String> categoryNames = registry.categories()
					.stream()
					.collect(Collectors.toMap(Category::code, c -> c.name(locale)));
				for (Department d : all(a -> registry.departments(ListFilter.all(), null, u, a, PAGE, 0),
						Department::id)) {
					rows.add(row(d.name(), words.tiers().label(d.tier(), locale),
							d.townshipId() == null ? null : townshipNames.get(d.townshipId()),
							join(d.categoryCodes().stream().map(c -> categoryNames.getOrDefault(c, c)), sep),
							status(d.active(), locale), d.id()));
				}
			}
			case CATEGORIES -> {
				for (Category c : registry.categories()) {
					rows.add(row(c.code(), c.nameZh(), c.nameEn(), c.dueWorkingDays(), status(c.active(), locale), c.code()));
				}
			}
		}
		return rows;
	}

	private String status(boolean active, Locale locale) {
		String key = active ? "import.value.active" : "import.value.inactive";
		return messages.getMessage(key, null, active ? "active" : "inactive", locale);
	}

	private static List<@Nullable Object> row(@Nullable Object... cells) {
		return Arrays.asList(cells);
	}

	private static String join(Stream<@Nullable String> values, String sep) {
		return values.filter(Objects::nonNull).collect(Collectors.joining(sep));
	}

	/**
	 * How a deputy's stations are written: the station's name, or "乡镇/工作室" where two visible
	 * stations share a name — the form the import reads back.
	 */
	static Map<Long, String> stationLabels(List<Station> stations, Map<Long, String> townshipNames) {
		Map<String, Long> counts = stations.stream().collect(Collectors.groupingBy(Station::name, Collectors.counting()));
		Map<Long, String> labels = new HashMap<>();
		for (Station s : stations) {
			labels.put(s.id(), counts.get(s.name()) > 1
					? townshipNames.getOrDefault(s.townshipId(), "") + "/" + s.name() : s.name());
		}
		return labels;
	}

	/** Free text (a liaison officer's "name + phone") with mobile and ID numbers masked. */
	static @Nullable String maskFreeText(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String out = ID_NUMBER.matcher(text)
			.replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.idNumber(m.group()))));
		return MOBILE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.phone(m.group()))));
	}

	/** Every row of a registry list, read page by page (keyset). */
	static <T> List<T> all(LongFunction<List<T>> page, ToLongFunction<T> id) {
		List<T> out = new ArrayList<>();
		long after = 0;
		while (true) {
			List<T> rows = page.apply(after);
			out.addAll(rows);
			if (rows.size() < PAGE) {
				return out;
			}
			after = id.applyAsLong(rows.get(rows.size() - 1));
		}
	}

	// --- headers and values as people write them

	/** The header row in {@code locale}. */
	static List<String> headers(SheetKind kind, MessageSource messages, Locale locale) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < kind.columns().size(); i++) {
			out.add(messages.getMessage(kind.columnKey(i), null, kind.columns().get(i), locale));
		}
		return out;
	}

	/** Each column's accepted headers: the Chinese and the English one, so either template imports. */
	static List<Set<String>> acceptedHeaders(SheetKind kind, MessageSource messages) {
		List<Set<String>> out = new ArrayList<>();
		for (int i = 0; i < kind.columns().size(); i++) {
			Set<String> names = new LinkedHashSet<>();
			for (Locale l : LANGUAGES) {
				names.add(messages.getMessage(kind.columnKey(i), null, kind.columns().get(i), l).strip());
			}
			out.add(names);
		}
		return out;
	}

	/** The headers of an export's extra columns (status, id), in either language. */
	static List<Set<String>> optionalHeaders(SheetKind kind, MessageSource messages) {
		List<Set<String>> out = new ArrayList<>();
		for (int i = 0; i < SheetKind.EXTRAS.size(); i++) {
			String key = kind.columnKey(kind.columns().size() + i);
			Set<String> names = new LinkedHashSet<>();
			for (Locale l : LANGUAGES) {
				names.add(messages.getMessage(key, null, SheetKind.EXTRAS.get(i), l).strip());
			}
			out.add(names);
		}
		return out;
	}

	/** The items of a list cell: "甲村、乙村,丙村；丁村" — any of the separators people use, blanks dropped. */
	static List<String> splitList(@Nullable String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return SEPARATORS.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** Case, spaces, underscores and hyphens do not matter when a value is matched. */
	static String normalize(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000_\\-]+", "");
	}

	/** A township by its name or its code (case-insensitive). */
	static Optional<Township> matchTownship(String text, List<Township> townships) {
		String t = text.strip();
		return townships.stream()
			.filter(x -> x.name().equals(t))
			.findFirst()
			.or(() -> townships.stream().filter(x -> x.code().equalsIgnoreCase(t)).findFirst());
	}

	/**
	 * The stations a name denotes: every station of that name, or — written "乡镇/工作室" — the one of
	 * that township. More than one means the name is ambiguous.
	 */
	static List<Station> matchStations(String text, List<Station> stations, List<Township> townships) {
		String t = text.strip();
		List<Station> exact = stations.stream().filter(s -> s.name().equals(t)).toList();
		int slash = Math.max(t.indexOf('/'), t.indexOf('／'));
		if (!exact.isEmpty() || slash <= 0) {
			return exact;
		}
		String name = t.substring(slash + 1).strip();
		return matchTownship(t.substring(0, slash), townships)
			.map(tw -> stations.stream().filter(s -> s.townshipId() == tw.id() && s.name().equals(name)).toList())
			.orElse(List.of());
	}

	/** A category by its code (any case), its Chinese or its English name. */
	static Optional<Category> matchCategory(String text, List<Category> categories) {
		String t = text.strip();
		return categories.stream()
			.filter(c -> c.code().equalsIgnoreCase(t) || c.nameZh().equals(t) || c.nameEn().equalsIgnoreCase(t))
			.findFirst();
	}

	/**
	 * The names an enum's values go by: the code ({@code COUNTY}), the label in either language
	 * ({@code prefix + code}, shared with the pages) and the aliases people also write
	 * ({@code import.alias.<prefix><code>}, e.g. 县 or 县人大代表).
	 */
	static final class Labels<E extends Enum<E>> {

		private final Class<E> type;

		private final String prefix;

		private final MessageSource messages;

		private final Map<String, E> byText = new HashMap<>();

		Labels(Class<E> type, String prefix, MessageSource messages) {
			this.type = type;
			this.prefix = prefix;
			this.messages = messages;
			E[] values = type.getEnumConstants();
			for (E e : values) {
				byText.put(normalize(e.name()), e);
			}
			for (Locale l : LANGUAGES) {
				for (E e : values) {
					byText.putIfAbsent(normalize(label(e, l)), e);
				}
			}
			for (Locale l : LANGUAGES) {
				for (E e : values) {
					for (String alias : splitList(messages.getMessage("import.alias." + prefix + e.name(), null, "", l))) {
						byText.putIfAbsent(normalize(alias), e);
					}
				}
			}
		}

		String label(E value, Locale locale) {
			return messages.getMessage(prefix + value.name(), null, value.name(), locale);
		}

		Optional<E> match(String text) {
			return Optional.ofNullable(byText.get(normalize(text)));
		}

		EnumSet<E> none() {
			return EnumSet.noneOf(type);
		}
	}

	/** The enums a sheet names in words, and the words of the status column (启用/停用). */
	record Vocabulary(Labels<Facility> facilities, Labels<DeputyLevel> levels, Labels<Tier> tiers,
			Map<String, Boolean> statuses) {

		static Vocabulary of(MessageSource messages) {
			Map<String, Boolean> statuses = new HashMap<>();
			for (Locale l : LANGUAGES) {
				statuses.put(normalize(messages.getMessage("import.value.active", null, "active", l)), true);
				statuses.put(normalize(messages.getMessage("import.value.inactive", null, "inactive", l)), false);
			}
			statuses.putIfAbsent("active", true);
			statuses.putIfAbsent("inactive", false);
			return new Vocabulary(new Labels<>(Facility.class, "facility.", messages),
					new Labels<>(DeputyLevel.class, "level.", messages), new Labels<>(Tier.class, "tier.", messages),
					Map.copyOf(statuses));
		}

		Optional<Boolean> status(String text) {
			return Optional.ofNullable(statuses.get(normalize(text)));
		}
	}

	// --- checking an upload

	/**
	 * A checked row: the form to create or update with and the row it came from; {@code id} is the
	 * record it updates (a category's code; null: a new record), {@code activate} the status to set
	 * (null: leave it), {@code unchanged} that the row matches its record, {@code keepPhone} that a
	 * deputy's phone came back masked as exported and stays as stored.
	 */
	record Planned(int row, Object form, @Nullable Object id, @Nullable Boolean activate, boolean unchanged,
			boolean keepPhone) {

		Planned(int row, Object form) {
			this(row, form, null, null, false, false);
		}
	}

	/** The records an import is checked against, as the importing user sees them. */
	interface Existing {

		/** Every township, in or out of the user's scope: a row naming another township is refused, not unknown. */
		List<Township> townships();

		/** The villages of a township within the user's scope. */
		List<Village> villagesOf(long townshipId);

		List<Station> stations();

		List<Category> categories();

		List<Department> departments();

		/** Deputies, personal data masked. */
		List<Deputy> deputies();
	}

	/** {@link Existing} read through the registry, each list once per import. */
	private final class Visible implements Existing {

		private final CurrentUser u;

		private final Map<Long, List<Village>> villages = new HashMap<>();

		private @Nullable List<Township> townships;

		private @Nullable List<Station> stations;

		private @Nullable List<Category> categories;

		private @Nullable List<Department> departments;

		private @Nullable List<Deputy> deputies;

		Visible(CurrentUser u) {
			this.u = u;
		}

		@Override
		public List<Township> townships() {
			if (townships == null) {
				townships = registry.allTownships();
			}
			return townships;
		}

		@Override
		public List<Village> villagesOf(long townshipId) {
			return villages.computeIfAbsent(townshipId, t -> registry.villagesOf(t, u));
		}

		@Override
		public List<Station> stations() {
			if (stations == null) {
				stations = all(a -> registry.stations(ListFilter.all(), u, a, PAGE, 0), Station::id);
			}
			return stations;
		}

		@Override
		public List<Category> categories() {
			if (categories == null) {
				categories = registry.categories();
			}
			return categories;
		}

		@Override
		public List<Department> departments() {
			if (departments == null) {
				departments = all(a -> registry.departments(ListFilter.all(), null, u, a, PAGE, 0), Department::id);
			}
			return departments;
		}

		@Override
		public List<Deputy> deputies() {
			if (deputies == null) {
				deputies = all(a -> registry.deputies(ListFilter.all(), u, a, PAGE, 0), Deputy::id);
			}
			return deputies;
		}
	}

	/**
	 * Checks every row of one upload and turns each clean row into the create form the registry takes.
	 * Collects all errors — several per row where a row has several faults — and throws them together.
	 */
	static final class SheetCheck {

		private final SheetKind kind;

		private final Existing existing;

		private final CurrentUser user;

		private final Validator validator;

		private final Vocabulary words;

		private final List<RowError> errors = new ArrayList<>();

		/** Key of each unique value met so far → the first row holding it. */
		private final Map<String, Integer> seen = new HashMap<>();

		SheetCheck(SheetKind kind, Existing existing, CurrentUser user, Validator validator, Vocabulary words) {
			this.kind = kind;
			this.existing = existing;
			this.user = user;
			this.validator = validator;
			this.words = words;
		}

		/**
		 * The forms to create, in row order.
		 * @throws ImportRejectedException with every bad row, when there is one
		 */
		List<Planned> check(List<SheetRow> rows) {
			List<Planned> planned = new ArrayList<>();
			for (SheetRow cells : rows) {
				Row row = new Row(cells);
				Object form = switch (kind) {
					case TOWNSHIPS -> township(row);
					case VILLAGES -> village(row);
					case STATIONS -> station(row);
					case DEPUTIES -> deputy(row);
					case DEPARTMENTS -> department(row);
					case CATEGORIES -> category(row);
				};
				if (row.clean()) {
					planned.add(new Planned(cells.number(), form, row.id, row.activate, row.unchanged, row.keepPhone));
				}
				row.report();
			}
			if (!errors.isEmpty()) {
				throw new ImportRejectedException(errors);
			}
			return planned;
		}

		/**
		 * The record a row's id cell names among the records the user may change; null for a row
		 * without an id (a new record) and for a bad id, which is an error of the row.
		 */
		private <T> @Nullable T identified(Row row, List<T> records, ToLongFunction<T> idOf) {
			String text = row.text(SheetKind.ID);
			if (text.isEmpty()) {
				return null;
			}
			long id;
			try {
				id = new BigDecimal(text).longValueExact();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				row.fail(SheetKind.ID, "clerk.import.row.badId", column(SheetKind.ID), text);
				return null;
			}
			T found = records.stream().filter(r -> idOf.applyAsLong(r) == id).findFirst().orElse(null);
			if (found == null) {
				row.fail(SheetKind.ID, "clerk.import.row.unknownId", column(SheetKind.ID), text);
				return null;
			}
			Integer first = seen.putIfAbsent("id:" + id, row.number());
			if (first != null) {
				row.fail(SheetKind.ID, "import.row.duplicateInFile", column(SheetKind.ID), text, String.valueOf(first));
				return null;
			}
			row.id = id;
			return found;
		}

		/**
		 * The status the row asks for when it differs from {@code current} (a new record is active);
		 * null when the cell is blank or says what the record already is.
		 */
		private @Nullable Boolean activation(Row row, boolean current) {
			String text = row.text(SheetKind.ACTIVE);
			if (text.isEmpty()) {
				return null;
			}
			Optional<Boolean> wanted = words.status(text);
			if (wanted.isEmpty()) {
				row.fail(SheetKind.ACTIVE, "import.row.unknownChoice", column(SheetKind.ACTIVE), text,
						new DefaultMessageSourceResolvable(new String[] { "clerk.import.choices.active" }, null, ""));
				return null;
			}
			return wanted.get() == current ? null : wanted.get();
		}

		private TownshipForm township(Row row) {
			Township self = identified(row, existing.townships(), Township::id);
			long selfId = self == null ? -1 : self.id();
			String code = row.text("code");
			String name = row.text("name");
			TownshipForm f = new TownshipForm(code, name, self == null ? null : self.version());
			validate(f, row);
			List<Township> all = existing.townships();
			unique(row, "code", code, "code:" + code.toLowerCase(Locale.ROOT),
					all.stream().anyMatch(t -> t.id() != selfId && t.code().equalsIgnoreCase(code)));
			unique(row, "name", name, "name:" + name,
					all.stream().anyMatch(t -> t.id() != selfId && t.name().equals(name)));
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && self.code().equals(code) && self.name().equals(name);
			return f;
		}

		private VillageForm village(Row row) {
			Long township = townshipRef(row);
			String name = row.text("name");
			Village self = township == null ? null : identified(row, existing.villagesOf(township), Village::id);
			long selfId = self == null ? -1 : self.id();
			VillageForm f = new VillageForm(township, name, self == null ? null : self.version());
			validate(f, row);
			if (township != null) {
				unique(row, "name", name, "village:" + township + ":" + name,
						existing.villagesOf(township).stream().anyMatch(v -> v.id() != selfId && v.name().equals(name)));
			}
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && self.name().equals(name);
			return f;
		}

		private StationForm station(Row row) {
			Station self = identified(row, existing.stations(), Station::id);
			long selfId = self == null ? -1 : self.id();
			Long township = townshipRef(row);
			String name = row.text("name");
			List<Long> villageIds = new ArrayList<>();
			if (township != null) {
				List<Village> villages = existing.villagesOf(township);
				for (String v : splitList(row.text("villageIds"))) {
					Optional<Village> found = villages.stream().filter(x -> x.name().equals(v)).findFirst();
					if (found.isPresent()) {
						villageIds.add(found.get().id());
					}
					else {
						row.fail("villageIds", "import.row.unknownVillage", v);
					}
				}
			}
			Set<Facility> facilities = choices(row, "facilities", words.facilities());
			String liaison = blankToNull(row.text("liaisonOfficers"));
			if (self != null && Objects.equals(liaison, blankToNull(maskFreeText(self.liaisonOfficers())))) {
				// exported masked and not edited: the numbers stay as stored
				liaison = self.liaisonOfficers();
			}
			StationForm f = new StationForm(township, name, row.text("address"), blankToNull(row.text("openingRule")),
					facilities, liaison, villageIds, self == null ? null : self.version());
			validate(f, row);
			if (township != null) {
				long t = township;
				unique(row, "name", name, "station:" + t + ":" + name, existing.stations()
					.stream()
					.anyMatch(s -> s.id() != selfId && s.townshipId() == t && s.name().equals(name)));
			}
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && township != null && self.townshipId() == township
					&& self.name().equals(name) && self.address().equals(f.address())
					&& Objects.equals(blankToNull(self.openingRule()), f.openingRule())
					&& self.facilities().equals(facilities) && Objects.equals(self.liaisonOfficers(), liaison)
					&& Set.copyOf(self.villageIds()).equals(Set.copyOf(villageIds));
			return f;
		}

		private DeputyForm deputy(Row row) {
			Deputy self = identified(row, existing.deputies(), Deputy::id);
			long selfId = self == null ? -1 : self.id();
			String name = row.text("name");
			Set<DeputyLevel> levels = choices(row, "levels", words.levels());
			String phone = row.text("phone").replaceAll("[\\s\\u3000]+", "");
			// the export masks phones: one that comes back as it went out is the stored one
			if (self != null && self.phone() != null && phone.equals(self.phone())) {
				row.keepPhone = true;
				phone = "";
			}
			List<Long> stationIds = new ArrayList<>();
			for (String token : splitList(row.text("stationIds"))) {
				List<Station> found = matchStations(token, existing.stations(), existing.townships());
				if (found.size() == 1) {
					if (!stationIds.contains(found.get(0).id())) {
						stationIds.add(found.get(0).id());
					}
				}
				else {
					row.fail("stationIds", found.isEmpty() ? "import.row.unknownStation" : "import.row.ambiguousStation",
							token);
				}
			}
			if (self != null) {
				// stations the user cannot see were not exported; they stay attached
				Set<Long> visible = existing.stations().stream().map(Station::id).collect(Collectors.toSet());
				self.stationIds().stream().filter(id -> !visible.contains(id)).forEach(stationIds::add);
			}
			// the registry lets a township admin create only deputies attached to its own stations
			if (!user.isCountyAdmin() && stationIds.isEmpty() && !row.explained("stationIds")) {
				row.fail("stationIds", "import.row.stationRequired");
			}
			DeputyForm f = new DeputyForm(name, levels, blankToNull(phone), null, blankToNull(row.text("constituency")),
					stationIds, self == null ? null : self.version());
			validate(f, row);
			// two people may share a name; the same name with the same phone (or, without phones, at the
			// same station) is the same person imported twice
			String masked = row.keepPhone ? self.phone() : Masking.phone(blankToNull(phone));
			boolean exists = existing.deputies()
				.stream()
				.anyMatch(d -> d.id() != selfId && d.name().equals(name) && Objects.equals(blankToNull(d.phone()), masked)
						&& (masked != null || !Collections.disjoint(d.stationIds(), stationIds)));
			unique(row, "name", name,
					"deputy:" + name + ":" + phone + ":" + (phone.isEmpty() ? stationIds.stream().sorted().toList() : ""),
					exists);
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && self.name().equals(name)
					&& self.levels().equals(levels) && (row.keepPhone || (self.phone() == null && phone.isEmpty()))
					&& Objects.equals(blankToNull(self.constituency()), f.constituency())
					&& Set.copyOf(self.stationIds()).equals(Set.copyOf(stationIds));
			return f;
		}

		private DepartmentForm department(Row row) {
			Department self = identified(row, existing.departments(), Department::id);
			long selfId = self == null ? -1 : self.id();
			String name = row.text("name");
			String tierText = row.text("tier");
			Tier tier = null;
			if (!tierText.isEmpty()) {
				tier = words.tiers().match(tierText).orElse(null);
				if (tier == null) {
					row.fail("tier", "import.row.unknownChoice", column("tier"), tierText, choicesOf("tier"));
				}
			}
			Long township = null;
			if (tier != Tier.COUNTY) {
				township = townshipRef(row);
				if (tier != null && township == null && !row.explained("townshipId")) {
					row.fail("townshipId", "import.row.townshipRequired");
				}
			}
			List<String> codes = new ArrayList<>();
			for (String token : splitList(row.text("categoryCodes"))) {
				Optional<Category> c = matchCategory(token, existing.categories());
				if (c.isEmpty()) {
					row.fail("categoryCodes", "import.row.unknownCategory", token);
				}
				else if (!codes.contains(c.get().code())) {
					codes.add(c.get().code());
				}
			}
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && self.name().equals(name) && self.tier() == tier
					&& Objects.equals(self.townshipId(), township)
					&& Set.copyOf(self.categoryCodes()).equals(Set.copyOf(codes));
			// a county unit belongs to no township (the column is ignored) and is the county admin's; a
			// township admin's export lists them, and leaving them as they are is no change
			if (tier == Tier.COUNTY && !user.isCountyAdmin() && !row.unchanged) {
				row.fail("tier", "import.row.countyOnly");
			}
			DepartmentForm f = new DepartmentForm(name, tier, township, codes, self == null ? null : self.version());
			validate(f, row);
			unique(row, "name", name, "department:" + name,
					existing.departments().stream().anyMatch(d -> d.id() != selfId && d.name().equals(name)));
			return f;
		}

		private CategoryForm category(Row row) {
			// codes are upper case; people type them in any case
			String code = row.text("code").toUpperCase(Locale.ROOT);
			String idText = row.text(SheetKind.ID).toUpperCase(Locale.ROOT);
			Category self = null;
			if (!idText.isEmpty()) {
				self = existing.categories().stream().filter(c -> c.code().equals(idText)).findFirst().orElse(null);
				if (self == null) {
					row.fail(SheetKind.ID, "clerk.import.row.unknownId", column(SheetKind.ID), idText);
				}
				else if (!code.equals(idText)) {
					row.fail("code", "clerk.import.row.codeFixed", column("code"), self.code());
				}
				else if (seen.putIfAbsent("id:" + idText, row.number()) != null) {
					row.fail(SheetKind.ID, "import.row.duplicateInFile", column(SheetKind.ID), idText,
							String.valueOf(seen.get("id:" + idText)));
				}
				else {
					row.id = self.code();
				}
			}
			String dueText = row.text("dueWorkingDays");
			Integer due = null;
			if (!dueText.isEmpty()) {
				try {
					due = new BigDecimal(dueText).intValueExact();
				}
				catch (NumberFormatException | ArithmeticException ex) {
					row.fail("dueWorkingDays", "import.row.number", column("dueWorkingDays"));
				}
			}
			CategoryForm f = new CategoryForm(code, row.text("nameZh"), row.text("nameEn"), null, due,
					self == null ? null : self.version());
			validate(f, row);
			String selfCode = self == null ? null : self.code();
			unique(row, "code", code, "category:" + code,
					existing.categories().stream().anyMatch(c -> !c.code().equals(selfCode) && c.code().equals(code)));
			row.activate = activation(row, self == null || self.active());
			row.unchanged = self != null && row.activate == null && self.nameZh().equals(f.nameZh())
					&& self.nameEn().equals(f.nameEn()) && Objects.equals(self.dueWorkingDays(), due);
			return f;
		}

		/** The township a row names, if it exists and is within the user's scope; errors otherwise. */
		private @Nullable Long townshipRef(Row row) {
			String text = row.text("townshipId");
			if (text.isEmpty()) {
				return null; // the form's @NotNull reports it
			}
			Optional<Township> t = matchTownship(text, existing.townships());
			if (t.isEmpty()) {
				row.fail("townshipId", "import.row.unknownTownship", text);
				return null;
			}
			if (!user.canSeeTownship(t.get().id())) {
				row.fail("townshipId", "import.row.forbidden");
				return null;
			}
			return t.get().id();
		}

		/** The enum values a list cell names; an unknown one is an error that lists the choices. */
		private <E extends Enum<E>> Set<E> choices(Row row, String property, Labels<E> labels) {
			EnumSet<E> set = labels.none();
			for (String token : splitList(row.text(property))) {
				Optional<E> e = labels.match(token);
				if (e.isPresent()) {
					set.add(e.get());
				}
				else {
					row.fail(property, "import.row.unknownChoice", column(property), token, choicesOf(property));
				}
			}
			return set;
		}

		/**
		 * Refuses a value an existing record holds, or an earlier row of the file. One message per cell:
		 * a clash with the database is the one to tell.
		 */
		private void unique(Row row, String property, String value, String key, boolean exists) {
			if (value.isEmpty()) {
				return;
			}
			Integer first = seen.putIfAbsent(key, row.number());
			if (exists) {
				row.fail(property, "import.row.exists", column(property), value);
			}
			else if (first != null) {
				row.fail(property, "import.row.duplicateInFile", column(property), value, String.valueOf(first));
			}
		}

		/**
		 * Bean validation of the form, each violation reported against its column. A property already
		 * explained (an unknown township is more useful than "township required") is not reported again.
		 */
		private void validate(Object form, Row row) {
			List<ConstraintViolation<Object>> found = new ArrayList<>(validator.validate(form));
			found.sort(Comparator.comparingInt((ConstraintViolation<Object> v) -> kind.column(property(v)))
				.thenComparing(RegistrySheets.SheetCheck::constraint));
			for (ConstraintViolation<Object> v : found) {
				String property = property(v);
				if (row.explained(property)) {
					continue;
				}
				Object column = column(property);
				Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
				switch (constraint(v)) {
					case "NotBlank", "NotNull", "NotEmpty" -> row.fail(property, "import.row.required", column);
					case "Size" -> row.fail(property, "import.row.tooLong", column, String.valueOf(attributes.get("max")));
					case "Pattern" -> row.fail(property,
							"phone".equals(property) ? "import.row.phone" : "import.row.format." + kind.path(), column);
					case "Min" -> row.fail(property, "import.row.min", column, String.valueOf(attributes.get("value")));
					case "Max" -> row.fail(property, "import.row.max", column, String.valueOf(attributes.get("value")));
					default -> row.fail(property, "import.row.invalid", column);
				}
			}
		}

		private static String property(ConstraintViolation<?> v) {
			for (Path.Node n : v.getPropertyPath()) {
				return n.getName() == null ? "" : n.getName();
			}
			return "";
		}

		private static String constraint(ConstraintViolation<?> v) {
			return v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		}

		/** A column's header, resolved in the reader's language when the message is shown. */
		private Object column(String property) {
			int i = kind.column(property);
			if (i < 0) {
				return property;
			}
			String key = kind.columnKey(i);
			return new DefaultMessageSourceResolvable(new String[] { key }, null, property);
		}

		/** The accepted values of an enum column, as a message shown with the error. */
		private static MessageSourceResolvable choicesOf(String property) {
			return new DefaultMessageSourceResolvable(new String[] { "import.choices." + property }, null, "");
		}

		/** One row under check: its cells, its errors, and which properties already carry one. */
		private final class Row {

			private final SheetRow cells;

			/** The row's errors, each with its column, so that they can be told left to right. */
			private final List<Map.Entry<Integer, RowError>> found = new ArrayList<>();

			private final Set<String> explained = new HashSet<>();

			/** The record the row updates; null for a new one. */
			private @Nullable Object id;

			private @Nullable Boolean activate;

			private boolean unchanged;

			private boolean keepPhone;

			Row(SheetRow cells) {
				this.cells = cells;
			}

			int number() {
				return cells.number();
			}

			String text(String property) {
				int i = kind.column(property);
				return i < 0 ? "" : cells.get(i);
			}

			void fail(String property, String key, Object... args) {
				int column = kind.column(property);
				found.add(Map.entry(column < 0 ? Integer.MAX_VALUE : column, new RowError(cells.number(), key, args)));
				explained.add(property);
			}

			/** Adds the row's errors to the file's, in column order (the sort is stable). */
			void report() {
				found.sort(Map.Entry.comparingByKey());
				found.forEach(e -> errors.add(e.getValue()));
			}

			boolean explained(String property) {
				return explained.contains(property);
			}

			boolean clean() {
				return found.isEmpty();
			}
		}
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
