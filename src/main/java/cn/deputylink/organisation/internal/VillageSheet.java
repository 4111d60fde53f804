package cn.deputylink.organisation.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Village;
import cn.deputylink.organisation.VillageService;

/** Villages: a township by name or code, and a name unique within it. */
@Component
final class VillageSheet implements SheetDefinition<VillageForm, Long> {

	private static final List<String> COLUMNS = List.of("townshipId", "name");

	private final VillageService villages;

	VillageSheet(VillageService villages) {
		this.villages = villages;
	}

	@Override
	public String path() {
		return "villages";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public VillageForm parse(SheetCheck.Row<Long> row, SheetCheck check) {
		Long township = check.townshipRef(row);
		String name = row.text("name");
		Village self = township == null ? null
				: check.identified(row, check.existing().villagesOf(township), Village::id);
		long selfId = self == null ? -1 : self.id();
		VillageForm f = new VillageForm(township, name, self == null ? null : self.version());
		check.validate(f, row);
		if (township != null) {
			check.unique(row, "name", name, "village:" + township + ":" + name,
					check.existing()
						.villagesOf(township)
						.stream()
						.anyMatch(v -> v.id() != selfId && v.name().equals(name)));
		}
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && self.name().equals(name);
		return f;
	}

	@Override
	public Long create(VillageForm form, CurrentUser u) {
		return villages.create(form, u).id();
	}

	@Override
	public void update(Long id, SheetCheck.Planned<VillageForm, Long> row, CurrentUser u) {
		villages.update(id, row.form(), u);
	}

	@Override
	public void setActive(Long id, boolean active, CurrentUser u) {
		villages.setActive(id, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		List<List<?>> rows = new ArrayList<>();
		for (Village v : SheetValues.all(a -> villages.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0),
				Village::id)) {
			rows.add(SheetExport.row(out.townshipName(v.townshipId()), v.name(), out.status(v.active()), v.id()));
		}
		return rows;
	}

}
