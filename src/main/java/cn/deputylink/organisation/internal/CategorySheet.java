package cn.deputylink.organisation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Forms.CategoryForm;

/**
 * Opinion categories, keyed by their code: a row's id cell holds the code, which never
 * changes; the county admin's alone.
 */
@Component
final class CategorySheet implements SheetDefinition<CategoryForm, String> {

	private static final List<String> COLUMNS = List.of("code", "nameZh", "nameEn", "dueWorkingDays");

	private final CategoryService categories;

	CategorySheet(CategoryService categories) {
		this.categories = categories;
	}

	@Override
	public String path() {
		return "categories";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public boolean canImport(CurrentUser u) {
		return u.isCountyAdmin();
	}

	@Override
	public CategoryForm parse(SheetCheck.Row<String> row, SheetCheck check) {
		// codes are upper case; people type them in any case
		String code = row.text("code").toUpperCase(Locale.ROOT);
		Category self = identified(row, check, code);
		Integer due = due(row);
		CategoryForm f = new CategoryForm(code, row.text("nameZh"), row.text("nameEn"), null, due,
				self == null ? null : self.version());
		check.validate(f, row);
		String selfCode = self == null ? null : self.code();
		check.unique(row, "code", code, "category:" + code,
				check.existing()
					.categories()
					.stream()
					.anyMatch(c -> !c.code().equals(selfCode) && c.code().equals(code)));
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && self.nameZh().equals(f.nameZh())
				&& self.nameEn().equals(f.nameEn()) && Objects.equals(self.dueWorkingDays(), due);
		return f;
	}

	/**
	 * The category a row's id cell names by its code, which the code cell must repeat.
	 */
	private static @Nullable Category identified(SheetCheck.Row<String> row, SheetCheck check, String code) {
		String idText = row.text(SheetDefinition.ID).toUpperCase(Locale.ROOT);
		if (idText.isEmpty()) {
			return null;
		}
		Category self = check.existing()
			.categories()
			.stream()
			.filter(c -> c.code().equals(idText))
			.findFirst()
			.orElse(null);
		if (self == null) {
			row.fail(SheetDefinition.ID, "clerk.import.row.unknownId", row.column(SheetDefinition.ID), idText);
		}
		else if (!code.equals(idText)) {
			row.fail("code", "clerk.import.row.codeFixed", row.column("code"), self.code());
		}
		else {
			Integer first = check.seen("id:" + idText, row.number());
			if (first != null) {
				row.fail(SheetDefinition.ID, "import.row.duplicateInFile", row.column(SheetDefinition.ID), idText,
						String.valueOf(first));
			}
			else {
				row.key = self.code();
			}
		}
		return self;
	}

	private static @Nullable Integer due(SheetCheck.Row<String> row) {
		String text = row.text("dueWorkingDays");
		if (text.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(text).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			row.fail("dueWorkingDays", "import.row.number", row.column("dueWorkingDays"));
			return null;
		}
	}

	@Override
	public String create(CategoryForm form, CurrentUser u) {
		return categories.create(form, u).code();
	}

	@Override
	public void update(String code, SheetCheck.Planned<CategoryForm, String> row, CurrentUser u) {
		categories.update(code, row.form(), u);
	}

	@Override
	public void setActive(String code, boolean active, CurrentUser u) {
		categories.setActive(code, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		List<List<?>> rows = new ArrayList<>();
		for (Category c : categories.all()) {
			rows.add(SheetExport.row(c.code(), c.nameZh(), c.nameEn(), c.dueWorkingDays(), out.status(c.active()),
					c.code()));
		}
		return rows;
	}

}
