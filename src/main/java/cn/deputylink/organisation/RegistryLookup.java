package cn.deputylink.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lookups for other modules (opinions, notifications): the registry's records
 * by id and their display names, without a user's data scope. Callers apply their own
 * access rules; nothing here returns personal information.
 */
@Service
@Transactional(readOnly = true)
public class RegistryLookup {

	private final Townships townships;

	private final Stations stations;

	private final Departments departments;

	private final Categories categories;

	private final JdbcClient jdbc;

	RegistryLookup(Townships townships, Stations stations, Departments departments, Categories categories,
			JdbcClient jdbc) {
		this.townships = townships;
		this.stations = stations;
		this.departments = departments;
		this.categories = categories;
		this.jdbc = jdbc;
	}

	public Optional<Station> station(long id) {
		return stations.find(id);
	}

	public Optional<Village> village(long id) {
		return townships.findVillage(id);
	}

	public Optional<Township> township(long id) {
		return townships.find(id);
	}

	public Optional<Department> department(long id) {
		return departments.find(id);
	}

	public Optional<Category> category(String code) {
		return categories.find(code);
	}

	public List<Category> activeCategories() {
		return categories.all().stream().filter(Category::active).toList();
	}

	/** Active categories by code, to name the categories of many records at once. */
	public Map<String, Category> activeCategoriesByCode() {
		return activeCategories().stream().collect(Collectors.toMap(Category::code, c -> c));
	}

	public List<Township> activeTownships() {
		return townships.all().stream().filter(Township::active).toList();
	}

	public List<Village> villagesOf(long townshipId) {
		return townships.villagesOf(townshipId).stream().filter(Village::active).toList();
	}

	/**
	 * Active stations of a township, or of the whole county when {@code townshipId} is
	 * null.
	 */
	public List<Station> stationsOf(@Nullable Long townshipId) {
		return stations.list(new ListFilter(null, townshipId, null, true), 0, 10_000, 0);
	}

	/**
	 * Active departments a township-scoped user may pick from (its own and the county's),
	 * or all.
	 */
	public List<Department> departmentsFor(@Nullable Long townshipId) {
		return departments.list(new ListFilter(null, townshipId, null, true), null, 0, 10_000, 0);
	}

	/**
	 * Active departments of this tier competent for the category; for township and
	 * village tiers, only those of the given township. Used when no routing rule names a
	 * department.
	 */
	public List<Department> competent(String categoryCode, Tier tier, @Nullable Long townshipId) {
		List<Long> ids = jdbc
			.sql("select d.id from department d join department_category dc on dc.department_id = d.id "
					+ "where dc.category_code = :c and d.tier = :tier and d.active = true "
					+ "and (d.tier = 'COUNTY' or d.township_id = :t) order by d.id")
			.param("c", categoryCode)
			.param("tier", tier.name())
			.param("t", townshipId == null ? -1L : townshipId)
			.query(Long.class)
			.list();
		return ids.stream().map(departments::find).flatMap(Optional::stream).toList();
	}

	/**
	 * The stations a deputy receives constituents at, in id order; empty for an unknown
	 * deputy.
	 */
	public List<Long> stationsOfDeputy(long deputyId) {
		return jdbc.sql("select station_id from deputy_station where deputy_id = :id order by station_id")
			.param("id", deputyId)
			.query(Long.class)
			.list();
	}

	/**
	 * A deputy's phone number in full, only to send the deputy a message (a reminder of
	 * its duties): never to show it. Empty for an unknown deputy or one without a phone.
	 */
	public Optional<String> deputyPhoneForMessages(long deputyId) {
		return jdbc.sql("select phone from deputy where id = :id")
			.param("id", deputyId)
			.query(String.class)
			.optional()
			.filter(p -> !p.isBlank());
	}

	/**
	 * The deputies attached to the active stations of a township (or of the whole county
	 * when null), or of one station, each with its stations there, in one query.
	 */
	public Map<Long, List<Long>> stationsOfDeputies(@Nullable Long townshipId, @Nullable Long stationId) {
		Map<Long, List<Long>> out = new LinkedHashMap<>();
		jdbc.sql("select ds.deputy_id, ds.station_id from deputy_station ds join station s on s.id = ds.station_id "
				+ "where s.active = true" + (townshipId != null ? " and s.township_id = :t" : "")
				+ (stationId != null ? " and s.id = :s" : "") + " order by ds.deputy_id, ds.station_id")
			.param("t", townshipId == null ? -1L : townshipId)
			.param("s", stationId == null ? -1L : stationId)
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return out;
	}

	/**
	 * The active deputies attached to a station, in id order (the duty rotation's
	 * candidates); empty for an unknown station.
	 */
	public List<Long> activeDeputiesOfStation(long stationId) {
		return jdbc
			.sql("select ds.deputy_id from deputy_station ds join deputy d on d.id = ds.deputy_id "
					+ "where ds.station_id = :id and d.active = true order by ds.deputy_id")
			.param("id", stationId)
			.query(Long.class)
			.list();
	}

	/**
	 * The active deputies attached to at least one active station, in id order, in one
	 * query (whom a deputy may ask to co-sign).
	 */
	public List<Long> activeAttachedDeputies() {
		return jdbc
			.sql("select distinct ds.deputy_id from deputy_station ds join deputy d on d.id = ds.deputy_id "
					+ "join station s on s.id = ds.station_id where d.active = true and s.active = true "
					+ "order by ds.deputy_id")
			.query(Long.class)
			.list();
	}

	public boolean deputyExists(long id) {
		return count("deputy", id) > 0;
	}

	/** Whether the deputy exists and is active (serving). */
	public boolean deputyActive(long id) {
		return jdbc.sql("select count(*) from deputy where id = :id and active = true")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	public Map<Long, String> townshipNames(Collection<Long> ids) {
		return names("township", ids);
	}

	public Map<Long, String> stationNames(Collection<Long> ids) {
		return names("station", ids);
	}

	public Map<Long, String> villageNames(Collection<Long> ids) {
		return names("village", ids);
	}

	public Map<Long, String> departmentNames(Collection<Long> ids) {
		return names("department", ids);
	}

	public Map<Long, String> deputyNames(Collection<Long> ids) {
		return names("deputy", ids);
	}

	private int count(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private Map<Long, String> names(String table, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, name from " + table + " where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
