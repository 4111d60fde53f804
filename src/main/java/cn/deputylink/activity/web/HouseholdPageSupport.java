package cn.deputylink.activity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.TextInput;

/**
 * What the register's and the compliance pages offer to pick from, in the user's scope,
 * and the parsing of typed numbers into field errors instead of a 500.
 */
@Component
class HouseholdPageSupport {

	private final RegistryLookup registry;

	HouseholdPageSupport(RegistryLookup registry) {
		this.registry = registry;
	}

	/** A choice of a select: value and label. */
	record Choice(long id, String name) {
	}

	/**
	 * The townships a user may choose: all for the county, its own for township staff.
	 */
	List<Township> townships(CurrentUser u) {
		List<Township> all = registry.activeTownships();
		if (u.isCountyAdmin()) {
			return all;
		}
		return all.stream().filter(t -> u.canSeeTownship(t.id())).toList();
	}

	/** Villages by township name, for the household form's select. */
	List<Choice> villages(CurrentUser u) {
		List<Choice> out = new ArrayList<>();
		for (Township t : townships(u)) {
			for (Village v : registry.villagesOf(t.id())) {
				out.add(new Choice(v.id(), t.name() + " · " + v.name()));
			}
		}
		return out;
	}

	/** Stations of the user's scope (or of one township). */
	List<Station> stations(CurrentUser u, @Nullable Long townshipId) {
		Long t = u.role().townshipScoped() ? u.townshipScope().orElse(-1L) : townshipId;
		return registry.stationsOf(t);
	}

	/** The deputies attached to a station of a township, by name. */
	List<Choice> deputiesOf(long townshipId) {
		Set<Long> ids = registry.stationsOfDeputies(townshipId, null).keySet();
		Map<Long, String> names = registry.deputyNames(ids);
		return ids.stream()
			.map(id -> new Choice(id, names.getOrDefault(id, "?")))
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.toList();
	}

	Map<Long, String> stationNames(List<Station> stations) {
		Map<Long, String> m = new LinkedHashMap<>();
		stations.forEach(s -> m.put(s.id(), s.name()));
		return m;
	}

	/** A typed whole number, or null when empty; a field error when it is no number. */
	static @Nullable Long number(@Nullable String typed, String field, List<FieldError> errors) {
		String s = TextInput.blankToNull(typed);
		if (s == null) {
			return null;
		}
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "validation.typeMismatch"));
			return null;
		}
	}

	static @Nullable Integer integer(@Nullable String typed, String field, List<FieldError> errors) {
		Long n = number(typed, field, errors);
		if (n == null) {
			return null;
		}
		if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
			errors.add(new FieldError(field, "validation.typeMismatch"));
			return null;
		}
		return n.intValue();
	}

	static @Nullable LocalDate date(@Nullable String typed, String field, List<FieldError> errors) {
		String s = TextInput.blankToNull(typed);
		if (s == null) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "validation.typeMismatch"));
			return null;
		}
	}

	static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
