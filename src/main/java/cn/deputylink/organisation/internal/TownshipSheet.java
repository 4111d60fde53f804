package cn.deputylink.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;

/** Townships: code and name, each unique; the county admin's alone. */
@Component
final class TownshipSheet implements SheetDefinition<TownshipForm, Long> {

	private static final List<String> COLUMNS = List.of("code", "name");

	private final TownshipService townships;

	TownshipSheet(TownshipService townships) {
		this.townships = townships;
	}

	@Override
	public String path() {
		return "townships";
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
	public TownshipForm parse(SheetCheck.Row<Long> row, SheetCheck check) {
		Township self = check.identified(row, check.existing().townships(), Township::id);
		long selfId = self == null ? -1 : self.id();
		String code = row.text("code");
		String name = row.text("name");
		TownshipForm f = new TownshipForm(code, name, self == null ? null : self.version());
		check.validate(f, row);
		List<Township> all = check.existing().townships();
		check.unique(row, "code", code, "code:" + code.toLowerCase(Locale.ROOT),
				all.stream().anyMatch(t -> t.id() != selfId && t.code().equalsIgnoreCase(code)));
		check.unique(row, "name", name, "name:" + name,
				all.stream().anyMatch(t -> t.id() != selfId && t.name().equals(name)));
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && self.code().equals(code) && self.name().equals(name);
		return f;
	}

	@Override
	public Long create(TownshipForm form, CurrentUser u) {
		return townships.create(form, u).id();
	}

	@Override
	public void update(Long id, SheetCheck.Planned<TownshipForm, Long> row, CurrentUser u) {
		townships.update(id, row.form(), u);
	}

	@Override
	public void setActive(Long id, boolean active, CurrentUser u) {
		townships.setActive(id, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		List<List<?>> rows = new ArrayList<>();
		for (Township t : SheetValues.all(a -> townships.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0),
				Township::id)) {
			rows.add(SheetExport.row(t.code(), t.name(), out.status(t.active()), t.id()));
		}
		return rows;
	}

}
