package cn.deputylink.organisation.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Village;
import cn.deputylink.organisation.VillageService;

/**
 * Stations: a township, a name unique within it, the villages it covers by name,
 * facilities in words, and the liaison officers, whose numbers the export masks.
 */
@Component
final class StationSheet implements SheetDefinition<StationForm, Long> {

	private static final List<String> COLUMNS = List.of("townshipId", "name", "address", "openingRule", "villageIds",
			"facilities", "liaisonOfficers");

	private final StationService stations;

	private final VillageService villages;

	StationSheet(StationService stations, VillageService villages) {
		this.stations = stations;
		this.villages = villages;
	}

	@Override
	public String path() {
		return "stations";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public StationForm parse(SheetCheck.Row<Long> row, SheetCheck check) {
		Station self = check.identified(row, check.existing().stations(), Station::id);
		long selfId = self == null ? -1 : self.id();
		Long township = check.townshipRef(row);
		String name = row.text("name");
		List<Long> villageIds = township == null ? new ArrayList<>() : villageIds(row, check, township);
		Set<Facility> facilities = check.choices(row, "facilities", check.words().facilities());
		String liaison = blankToNull(row.text("liaisonOfficers"));
		if (self != null && Objects.equals(liaison, blankToNull(SheetValues.maskFreeText(self.liaisonOfficers())))) {
			// exported masked and not edited: the numbers stay as stored
			liaison = self.liaisonOfficers();
		}
		StationForm f = new StationForm(township, name, row.text("address"), blankToNull(row.text("openingRule")),
				facilities, liaison, villageIds, self == null ? null : self.version());
		check.validate(f, row);
		if (township != null) {
			long t = township;
			check.unique(row, "name", name, "station:" + t + ":" + name,
					check.existing()
						.stations()
						.stream()
						.anyMatch(s -> s.id() != selfId && s.townshipId() == t && s.name().equals(name)));
		}
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && township != null && self.townshipId() == township
				&& self.name().equals(name) && self.address().equals(f.address())
				&& Objects.equals(blankToNull(self.openingRule()), f.openingRule())
				&& self.facilities().equals(facilities) && Objects.equals(self.liaisonOfficers(), liaison)
				&& Set.copyOf(self.villageIds()).equals(Set.copyOf(villageIds));
		return f;
	}

	/** The villages a row names, each of the row's township. */
	private static List<Long> villageIds(SheetCheck.Row<Long> row, SheetCheck check, long township) {
		List<Long> ids = new ArrayList<>();
		List<Village> villages = check.existing().villagesOf(township);
		for (String v : SheetValues.splitList(row.text("villageIds"))) {
			Optional<Village> found = villages.stream().filter(x -> x.name().equals(v)).findFirst();
			if (found.isPresent()) {
				ids.add(found.get().id());
			}
			else {
				row.fail("villageIds", "import.row.unknownVillage", v);
			}
		}
		return ids;
	}

	@Override
	public Long create(StationForm form, CurrentUser u) {
		return stations.create(form, u).id();
	}

	@Override
	public void update(Long id, SheetCheck.Planned<StationForm, Long> row, CurrentUser u) {
		stations.update(id, row.form(), u);
	}

	@Override
	public void setActive(Long id, boolean active, CurrentUser u) {
		stations.setActive(id, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		Map<Long, String> villageNames = SheetValues
			.all(a -> villages.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0), Village::id)
			.stream()
			.collect(Collectors.toMap(Village::id, Village::name));
		List<List<?>> rows = new ArrayList<>();
		for (Station s : SheetValues.all(a -> stations.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0),
				Station::id)) {
			rows.add(SheetExport.row(out.townshipName(s.townshipId()), s.name(), s.address(), s.openingRule(),
					out.join(s.villageIds().stream().map(villageNames::get)),
					out.join(
							s.facilities().stream().sorted().map(f -> out.words().facilities().label(f, out.locale()))),
					SheetValues.maskFreeText(s.liaisonOfficers()), out.status(s.active()), s.id()));
		}
		return rows;
	}

}
