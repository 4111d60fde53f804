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

	/** The column of a form property; -1 when the sheet has no such column. */
	int column(String property) {
		return columns.indexOf(property);
	}

	/** Message key of a column's header. */
	String columnKey(int i) {
		return "import.col." + path() + "." + columns.get(i);
	}
}
