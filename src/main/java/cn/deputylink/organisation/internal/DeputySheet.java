package cn.deputylink.organisation.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.shared.Masking;

/**
 * Deputies: levels in words, stations by name ("乡镇/工作室" where two share one). The export
 * masks the phone and leaves the ID number out; a phone that comes back as it went out,
 * and the ID number, stay as stored.
 */
@Component
final class DeputySheet implements SheetDefinition<DeputyForm, Long> {

	private static final List<String> COLUMNS = List.of("name", "levels", "phone", "stationIds", "constituency");

	private final DeputyService deputies;

	private final StationService stations;

	DeputySheet(DeputyService deputies, StationService stations) {
		this.deputies = deputies;
		this.stations = stations;
	}

	@Override
	public String path() {
		return "deputies";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public DeputyForm parse(SheetCheck.Row<Long> row, SheetCheck check) {
		Deputy self = check.identified(row, check.existing().deputies(), Deputy::id);
		long selfId = self == null ? -1 : self.id();
		String name = row.text("name");
		Set<DeputyLevel> levels = check.choices(row, "levels", check.words().levels());
		String phone = row.text("phone").replaceAll("[\\s\\u3000]+", "");
		// the export masks phones: one that comes back as it went out is the stored one
		String maskedPhone = self == null ? null : self.phone();
		if (maskedPhone != null && phone.equals(maskedPhone)) {
			row.keepPhone = true;
			phone = "";
		}
		List<Long> stationIds = stationIds(row, check);
		if (self != null) {
			// stations the user cannot see were not exported; they stay attached
			Set<Long> visible = check.existing().stations().stream().map(Station::id).collect(Collectors.toSet());
			self.stationIds().stream().filter(id -> !visible.contains(id)).forEach(stationIds::add);
		}
		// the service lets a township admin create only deputies attached to its own
		// stations
		if (!check.user().isCountyAdmin() && stationIds.isEmpty() && !row.explained("stationIds")) {
			row.fail("stationIds", "import.row.stationRequired");
		}
		DeputyForm f = new DeputyForm(name, levels, blankToNull(phone), null, blankToNull(row.text("constituency")),
				stationIds, self == null ? null : self.version());
		check.validate(f, row);
		// two people may share a name; the same name with the same phone (or, without
		// phones, at the same station) is the same person imported twice
		String masked = row.keepPhone ? maskedPhone : Masking.phone(blankToNull(phone));
		boolean exists = check.existing()
			.deputies()
			.stream()
			.anyMatch(d -> d.id() != selfId && d.name().equals(name) && Objects.equals(blankToNull(d.phone()), masked)
					&& (masked != null || !Collections.disjoint(d.stationIds(), stationIds)));
		check.unique(row, "name", name,
				"deputy:" + name + ":" + phone + ":" + (phone.isEmpty() ? stationIds.stream().sorted().toList() : ""),
				exists);
		row.activate = check.activation(row, self == null || self.active());
		row.unchanged = self != null && row.activate == null && self.name().equals(name) && self.levels().equals(levels)
				&& (row.keepPhone || (self.phone() == null && phone.isEmpty()))
				&& Objects.equals(blankToNull(self.constituency()), f.constituency())
				&& Set.copyOf(self.stationIds()).equals(Set.copyOf(stationIds));
		return f;
	}

	/**
	 * The stations a row names, each once; an unknown or ambiguous name is the row's
	 * error.
	 */
	private static List<Long> stationIds(SheetCheck.Row<Long> row, SheetCheck check) {
		List<Long> ids = new ArrayList<>();
		for (String token : SheetValues.splitList(row.text("stationIds"))) {
			List<Station> found = SheetValues.matchStations(token, check.existing().stations(),
					check.existing().townships());
			if (found.size() == 1) {
				if (!ids.contains(found.get(0).id())) {
					ids.add(found.get(0).id());
				}
			}
			else {
				row.fail("stationIds", found.isEmpty() ? "import.row.unknownStation" : "import.row.ambiguousStation",
						token);
			}
		}
		return ids;
	}

	@Override
	public Long create(DeputyForm form, CurrentUser u) {
		return deputies.create(form, u).id();
	}

	@Override
	public void update(Long id, SheetCheck.Planned<DeputyForm, Long> row, CurrentUser u) {
		deputies.updateKeepingPersonalData(id, row.form(), row.keepPhone(), u);
	}

	@Override
	public void setActive(Long id, boolean active, CurrentUser u) {
		deputies.setActive(id, active, u);
	}

	@Override
	public List<List<?>> export(SheetExport out) {
		Map<Long, String> stationLabels = SheetValues.stationLabels(
				SheetValues.all(a -> stations.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0), Station::id),
				out.townshipNames());
		List<List<?>> rows = new ArrayList<>();
		// the service hands out deputies masked already; the ID number is not exported at
		// all
		for (Deputy d : SheetValues.all(a -> deputies.list(ListFilter.all(), out.user(), a, SheetValues.PAGE, 0),
				Deputy::id)) {
			rows.add(SheetExport.row(d.name(),
					out.join(d.levels().stream().sorted().map(l -> out.words().levels().label(l, out.locale()))),
					Masking.phone(d.phone()), out.join(d.stationIds().stream().map(stationLabels::get)),
					d.constituency(), out.status(d.active()), d.id()));
		}
		return rows;
	}

}
