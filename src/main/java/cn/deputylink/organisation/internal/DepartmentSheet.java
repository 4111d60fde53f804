package cn.deputylink.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Tier;

/**
 * Departments: a tier in words, a township below the county tier, and the categories each
 * handles, by code or name. County units are the county admin's.
 */
@Component
final class DepartmentSheet implements SheetDefinition<DepartmentForm, Long> {

	private static final List<String> COLUMNS = List.of("name", "tier", "townshipId", "categoryCodes");

	private final DepartmentService departments;

	private final CategoryService categories;

	DepartmentSheet(DepartmentService departments, CategoryService categories) {
		this.departments = departments;
		this.categories = categories;
	}

	@Override
	public String path() {
		return "departments";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public DepartmentForm parse(SheetCheck.Row<Long> row, SheetCheck check) {
		Department self = check.identified(row, check.existing().departments(), Department::id);
		long selfId = self == null ? -1 : self.id();
		String name = row.text("name");
		Tier tier = tier(row, check);
		Long township = null;
		if (tier != Tier.COUNTY) {
			township = check.townshipRef(row);
			if (tier != null && township == null && !row.explained("townshipId")) {
				row.fail("townshipId", "import.row.townshipRequired");
			}
		}
		List<String> codes = categoryCodes(row, check);
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && self.name().equals(name) && self.tier() == tier
				&& Objects.equals(self.townshipId(), township)
				&& Set.copyOf(self.categoryCodes()).equals(Set.copyOf(codes));
		// a county unit belongs to no township (the column is ignored) and is the county
		// admin's; a township admin's export lists them, and leaving them as they are is
		// no change
		if (tier == Tier.COUNTY && !check.user().isCountyAdmin() && !row.unchanged) {
			row.fail("tier", "import.row.countyOnly");
		}
		DepartmentForm f = new DepartmentForm(name, tier, township, codes, self == null ? null : self.version());
		check.validate(f, row);
		check.unique(row, "name", name, "department:" + name,
				check.existing().departments().stream().anyMatch(d -> d.id() != selfId && d.name().equals(name)));
		return f;
	}

	private static @Nullable Tier tier(SheetCheck.Row<Long> row, SheetCheck check) {
		String text = row.text("tier");
		if (text.isEmpty()) {
			return null;
		}
		Tier tier = check.words().tiers().match(text).orElse(null);
		if (tier == null) {
			row.fail("tier", "import.row.unknownChoice", row.column("tier"), text, SheetCheck.choicesOf("tier"));
		}
		return tier;
	}

	private static List<String> categoryCodes(SheetCheck.Row<Long> row, SheetCheck check) {
		List<String> codes = new ArrayList<>();
		for (String token : SheetValues.splitList(row.text("categoryCodes"))) {
			Optional<Category> c = SheetValues.matchCategory(token, check.existing().categories());
			if (c.isEmpty()) {
				row.fail("categoryCodes", "import.row.unknownCategory", token);
			}
			else if (!codes.contains(c.get().code())) {
				codes.add(c.get().code());
			}
		}
		return codes;
	}

	@Override
	public Long create(DepartmentForm form, CurrentUser u) {
		return departments.create(form, u).id();
	}

	@Override
	public void update(Long id, SheetCheck.Planned<DepartmentForm, Long> row, CurrentUser u) {
		departments.update(id, row.form(), u);
	}

	@Override
	public void setActive(Long id, boolean active, CurrentUser u) {
		departments.setActive(id, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		Map<String, String> categoryNames = categories.all()
			.stream()
			.collect(Collectors.toMap(Category::code, c -> c.name(out.locale())));
		List<List<?>> rows = new ArrayList<>();
		for (Department d : SheetValues
			.all(a -> departments.list(ListFilter.all(), null, out.user(), a, SheetValues.PAGE, 0), Department::id)) {
			rows.add(SheetExport.row(d.name(), out.words().tiers().label(d.tier(), out.locale()),
					out.townshipName(d.townshipId()),
					out.join(d.categoryCodes().stream().map(c -> categoryNames.getOrDefault(c, c))),
					out.status(d.active()), d.id()));
		}
		return rows;
	}

}
