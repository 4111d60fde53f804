package cn.deputylink.organisation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;
import cn.deputylink.shared.excel.SheetRow;

/**
 * Checks every row of one upload and turns each clean row into the form its list's
 * service takes. Collects all errors — several per row where a row has several faults —
 * and throws them together. The rules every list shares (ids, status, township
 * references, enum cells, uniqueness, bean validation) live here; what is particular to a
 * list lives in its {@link Sheet}.
 */
final class SheetCheck {

	/**
	 * A checked row: the form to create or update with and the row it came from;
	 * {@code id} is the record it updates (null: a new record), {@code activate} the
	 * status to set (null: leave it), {@code unchanged} that the row matches its record,
	 * {@code keepPhone} that a deputy's phone came back masked as exported and stays as
	 * stored.
	 */
	record Planned<F, K>(int row, F form, @Nullable K id, @Nullable Boolean activate, boolean unchanged,
			boolean keepPhone) {
	}

	/** The records an import is checked against, as the importing user sees them. */
	interface Existing {

		/**
		 * Every township, in or out of the user's scope: a row naming another township is
		 * refused, not unknown.
		 */
		List<Township> townships();

		/** The villages of a township within the user's scope. */
		List<Village> villagesOf(long townshipId);

		List<Station> stations();

		List<Category> categories();

		List<Department> departments();

		/** Deputies, personal data masked. */
		List<Deputy> deputies();

	}

	private final Existing existing;

	private final CurrentUser user;

	private final Validator validator;

	private final Vocabulary words;

	private final List<RowError> errors = new ArrayList<>();

	/** Key of each unique value met so far → the first row holding it. */
	private final Map<String, Integer> seen = new HashMap<>();

	SheetCheck(Existing existing, CurrentUser user, Validator validator, Vocabulary words) {
		this.existing = existing;
		this.user = user;
		this.validator = validator;
		this.words = words;
	}

	Existing existing() {
		return existing;
	}

	CurrentUser user() {
		return user;
	}

	Vocabulary words() {
		return words;
	}

	/**
	 * The forms to write, in row order.
	 * @throws ImportRejectedException with every bad row, when there is one
	 */
	<F, K> List<Planned<F, K>> check(SheetDefinition<F, K> sheet, List<SheetRow> rows) {
		List<Planned<F, K>> planned = new ArrayList<>();
		for (SheetRow cells : rows) {
			Row<K> row = new Row<>(sheet, cells);
			F form = sheet.parse(row, this);
			if (row.clean()) {
				planned.add(new Planned<>(cells.number(), form, row.key, row.activate, row.unchanged, row.keepPhone));
			}
			row.report(errors);
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return planned;
	}

	/**
	 * The first row that held {@code key}; null, and {@code row} noted as the first, when
	 * none did.
	 */
	@Nullable Integer seen(String key, int row) {
		return seen.putIfAbsent(key, row);
	}

	/**
	 * The record a row's id cell names among the records the user may change; null for a
	 * row without an id (a new record) and for a bad id, which is an error of the row.
	 */
	<T> @Nullable T identified(Row<Long> row, List<T> records, ToLongFunction<T> idOf) {
		String text = row.text(SheetDefinition.ID);
		if (text.isEmpty()) {
			return null;
		}
		long id;
		try {
			id = new BigDecimal(text).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			row.fail(SheetDefinition.ID, "clerk.import.row.badId", row.column(SheetDefinition.ID), text);
			return null;
		}
		T found = records.stream().filter(r -> idOf.applyAsLong(r) == id).findFirst().orElse(null);
		if (found == null) {
			row.fail(SheetDefinition.ID, "clerk.import.row.unknownId", row.column(SheetDefinition.ID), text);
			return null;
		}
		Integer first = seen("id:" + id, row.number());
		if (first != null) {
			row.fail(SheetDefinition.ID, "import.row.duplicateInFile", row.column(SheetDefinition.ID), text,
					String.valueOf(first));
			return null;
		}
		row.key = id;
		return found;
	}

	/**
	 * The status the row asks for when it differs from {@code current} (a new record is
	 * active); null when the cell is blank or says what the record already is.
	 */
	@Nullable Boolean activation(Row<?> row, boolean current) {
		String text = row.text(SheetDefinition.ACTIVE);
		if (text.isEmpty()) {
			return null;
		}
		Optional<Boolean> wanted = words.status(text);
		if (wanted.isEmpty()) {
			row.fail(SheetDefinition.ACTIVE, "import.row.unknownChoice", row.column(SheetDefinition.ACTIVE), text,
					new DefaultMessageSourceResolvable(new String[] { "clerk.import.choices.active" }, null, ""));
			return null;
		}
		return wanted.get() == current ? null : wanted.get();
	}

	/**
	 * The township a row names, if it exists and is within the user's scope; errors
	 * otherwise.
	 */
	@Nullable Long townshipRef(Row<?> row) {
		String text = row.text("townshipId");
		if (text.isEmpty()) {
			return null; // the form's @NotNull reports it
		}
		Optional<Township> t = SheetValues.matchTownship(text, existing.townships());
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

	/**
	 * The enum values a list cell names; an unknown one is an error that lists the
	 * choices.
	 */
	<E extends Enum<E>> Set<E> choices(Row<?> row, String property, Vocabulary.Labels<E> labels) {
		EnumSet<E> set = labels.none();
		for (String token : SheetValues.splitList(row.text(property))) {
			Optional<E> e = labels.match(token);
			if (e.isPresent()) {
				set.add(e.get());
			}
			else {
				row.fail(property, "import.row.unknownChoice", row.column(property), token, choicesOf(property));
			}
		}
		return set;
	}

	/**
	 * Refuses a value an existing record holds, or an earlier row of the file. One
	 * message per cell: a clash with the database is the one to tell.
	 */
	void unique(Row<?> row, String property, String value, String key, boolean exists) {
		if (value.isEmpty()) {
			return;
		}
		Integer first = seen(key, row.number());
		if (exists) {
			row.fail(property, "import.row.exists", row.column(property), value);
		}
		else if (first != null) {
			row.fail(property, "import.row.duplicateInFile", row.column(property), value, String.valueOf(first));
		}
	}

	/**
	 * Bean validation of the form, each violation reported against its column. A property
	 * already explained (an unknown township is more useful than "township required") is
	 * not reported again.
	 */
	void validate(Object form, Row<?> row) {
		SheetDefinition<?, ?> sheet = row.sheet;
		List<ConstraintViolation<Object>> found = new ArrayList<>(validator.validate(form));
		found.sort(Comparator.comparingInt((ConstraintViolation<Object> v) -> sheet.column(property(v)))
			.thenComparing(SheetCheck::constraint));
		for (ConstraintViolation<Object> v : found) {
			String property = property(v);
			if (row.explained(property)) {
				continue;
			}
			Object column = row.column(property);
			Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
			switch (constraint(v)) {
				case "NotBlank", "NotNull", "NotEmpty" -> row.fail(property, "import.row.required", column);
				case "Size" -> row.fail(property, "import.row.tooLong", column, String.valueOf(attributes.get("max")));
				case "Pattern" -> row.fail(property,
						"phone".equals(property) ? "import.row.phone" : "import.row.format." + sheet.path(), column);
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

	/** The accepted values of an enum column, as a message shown with the error. */
	static MessageSourceResolvable choicesOf(String property) {
		return new DefaultMessageSourceResolvable(new String[] { "import.choices." + property }, null, "");
	}

	/**
	 * One row under check: its cells, its errors, and which properties already carry one;
	 * what the sheet found out about the row is noted in the fields it sets.
	 */
	static final class Row<K> {

		private final SheetDefinition<?, ?> sheet;

		private final SheetRow cells;

		/**
		 * The row's errors, each with its column, so that they can be told left to right.
		 */
		private final List<Map.Entry<Integer, RowError>> found = new ArrayList<>();

		private final Set<String> explained = new HashSet<>();

		/** The record the row updates; null for a new one. */
		@Nullable K key;

		@Nullable Boolean activate;

		boolean unchanged;

		boolean keepPhone;

		Row(SheetDefinition<?, ?> sheet, SheetRow cells) {
			this.sheet = sheet;
			this.cells = cells;
		}

		int number() {
			return cells.number();
		}

		String text(String property) {
			int i = sheet.column(property);
			return i < 0 ? "" : cells.get(i);
		}

		void fail(String property, String key, Object... args) {
			int column = sheet.column(property);
			found.add(Map.entry(column < 0 ? Integer.MAX_VALUE : column, new RowError(cells.number(), key, args)));
			explained.add(property);
		}

		boolean explained(String property) {
			return explained.contains(property);
		}

		/**
		 * A column's header, resolved in the reader's language when the message is shown.
		 */
		Object column(String property) {
			int i = sheet.column(property);
			if (i < 0) {
				return property;
			}
			return new DefaultMessageSourceResolvable(new String[] { sheet.columnKey(i) }, null, property);
		}

		boolean clean() {
			return found.isEmpty();
		}

		/** Adds the row's errors to the file's, in column order (the sort is stable). */
		private void report(List<RowError> errors) {
			found.sort(Map.Entry.comparingByKey());
			found.forEach(e -> errors.add(e.getValue()));
		}

	}

}
