package cn.deputylink.organisation.internal;

import java.util.List;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;

/**
 * One registry list that has an Excel template, export and import: its columns, how a row
 * becomes the create or update form (checked against what exists), how a checked row is
 * written through the list's service, and an export row per record. Adding a list is one
 * more of these.
 * <p>
 * Each column is named after the property of the form it fills, so a validation message
 * on a form property points at the column a person has to correct; the header a person
 * sees comes from {@code import.col.<path>.<property>}.
 *
 * @param <F> the form the list's service takes
 * @param <K> the key of a record: its id, or a category's code
 */
interface SheetDefinition<F, K> {

	/** The export's status column (启用/停用). */
	String ACTIVE = "active";

	/** The export's id column: which record a row is; empty for a new one. */
	String ID = "id";

	/** The columns an export adds after the template's, in order. */
	List<String> EXTRAS = List.of(ACTIVE, ID);

	/**
	 * The name in URLs: {@code /org/stations/import},
	 * {@code /api/v1/stations/template.xlsx}.
	 */
	String path();

	/** The form properties, in column order. */
	List<String> columns();

	/**
	 * Whether the user's role may import this list: the roles the service lets create its
	 * records.
	 */
	default boolean canImport(CurrentUser u) {
		return u.isCountyAdmin() || u.is(Role.TOWNSHIP_ADMIN);
	}

	/**
	 * The form of one row, its faults reported on the row; the check gives the shared
	 * rules.
	 */
	F parse(SheetCheck.Row<K> row, SheetCheck check);

	/** Creates the record of a checked row and returns its key. */
	K create(F form, CurrentUser u);

	/**
	 * Updates the record a checked row names, through the same service call as the edit
	 * form.
	 */
	void update(K key, SheetCheck.Planned<F, K> row, CurrentUser u);

	void setActive(K key, boolean active, CurrentUser u);

	/**
	 * Every record the user may see, one row each: the template's columns, then status
	 * and id.
	 */
	List<List<?>> export(SheetExport out);

	/** Message key of the list's name ("工作室"). */
	default String nameKey() {
		return "import.kind." + path();
	}

	/**
	 * The column of a form property or of an export's extra; -1 when the sheet has no
	 * such column.
	 */
	default int column(String property) {
		int i = columns().indexOf(property);
		if (i < 0 && EXTRAS.contains(property)) {
			return columns().size() + EXTRAS.indexOf(property);
		}
		return i;
	}

	/** Message key of a column's header. */
	default String columnKey(int i) {
		if (i < columns().size()) {
			return "import.col." + path() + "." + columns().get(i);
		}
		return ACTIVE.equals(EXTRAS.get(i - columns().size())) ? "import.col.active" : "clerk.import.col.id";
	}

}
