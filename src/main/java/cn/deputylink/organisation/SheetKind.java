package cn.deputylink.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry lists that have an Excel template, export and import. Each column is named after the
 * property of the create form it fills, so a validation message on a form property points at the
 * column a person has to correct; the header a person sees comes from {@code import.col.<kind>.<property>}.
 */
public enum SheetKind {

	TOWNSHIPS("code", "name"),

	VILLAGES("townshipId", "name"),

	STATIONS("townshipId", "name", "address", "openingRule", "villageIds", "facilities", "liaisonOfficers"),

	DEPUTIES("name", "levels", "phone", "stationIds", "constituency"),

	DEPARTMENTS("name", "tier", "townshipId", "categoryCodes"),

	CATEGORIES("code", "nameZh", "nameEn", "dueWorkingDays");

	/** The export's status column (启用/停用). */
	static final String ACTIVE = "active";

	/** The export's id column: which record a row is; empty for a new one. */
	static final String ID = "id";

	/** The columns an export adds after the template's, in order. */
	static final List<String> EXTRAS = List.of(ACTIVE, ID);

	private final List<String> columns;

	SheetKind(String... columns) {
		this.columns = List.of(columns);
	}

	/** The name in URLs: {@code /org/stations/import}, {@code /api/v1/stations/template.xlsx}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind a URL segment names; empty for anything else. */
	public static Optional<SheetKind> fromPath(String path) {
		for (SheetKind k : values()) {
			if (k.path().equals(path)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}

	/** Message key of the list's name ("工作室"). */
	public String nameKey() {
		return "import.kind." + path();
	}

	/** The form properties, in column order. */
	List<String> columns() {
		return columns;
	}

	/** The column of a form property or of an export's extra; -1 when the sheet has no such column. */
	int column(String property) {
		int i = columns.indexOf(property);
		if (i < 0 && EXTRAS.contains(property)) {
			return columns.size() + EXTRAS.indexOf(property);
		}
		return i;
	}

	/** Message key of a column's header. */
	String columnKey(int i) {
		if (i < columns.size()) {
			return "import.col." + path() + "." + columns.get(i);
		}
		return ACTIVE.equals(EXTRAS.get(i - columns.size())) ? "import.col.active" : "clerk.import.col.id";
	}
}
