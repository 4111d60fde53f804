package cn.deputylink.organisation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stations, the villages each covers and the deputies attached to each. */
@Repository
class Stations {

	/** A station's own columns, before its villages and deputies are attached. */
	private record Row(long id, long townshipId, String name, String address, @Nullable String openingRule,
			@Nullable String facilities, @Nullable String liaisonOfficers, boolean active, int version) {
	}

	private final JdbcClient jdbc;

	Stations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Fields(long townshipId, String name, String address, @Nullable String openingRule, Set<Facility> facilities,
			@Nullable String liaisonOfficers, List<Long> villageIds) {
	}

	long insert(Fields f) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into station (township_id, name, address, opening_rule, facilities, liaison_officers)
				values (:t, :name, :address, :rule, :facilities, :liaison)""")
			.param("t", f.townshipId())
			.param("name", f.name())
			.param("address", f.address())
			.param("rule", f.openingRule())
			.param("facilities", encode(f.facilities()))
			.param("liaison", f.liaisonOfficers())
			.update(keys, "id");
		long id = Sql.key(keys);
		setVillages(id, f.villageIds());
		return id;
	}

	boolean update(long id, int version, Fields f) {
		int n = jdbc.sql("""
				update station set township_id = :t, name = :name, address = :address, opening_rule = :rule,
				  facilities = :facilities, liaison_officers = :liaison, version = version + 1
				where id = :id and version = :version""")
			.param("t", f.townshipId())
			.param("name", f.name())
			.param("address", f.address())
			.param("rule", f.openingRule())
			.param("facilities", encode(f.facilities()))
			.param("liaison", f.liaisonOfficers())
			.param("id", id)
			.param("version", version)
			.update();
		if (n == 1) {
			setVillages(id, f.villageIds());
		}
		return n == 1;
	}

	private void setVillages(long id, List<Long> villageIds) {
		jdbc.sql("delete from station_village where station_id = :id").param("id", id).update();
		for (Long v : villageIds.stream().distinct().toList()) {
			jdbc.sql("insert into station_village (station_id, village_id) values (:s, :v)")
				.param("s", id)
				.param("v", v)
				.update();
		}
	}

	Optional<Station> find(long id) {
		return jdbc
			.sql("select id, township_id as townshipId, name, address, "
					+ "opening_rule as openingRule, facilities, liaison_officers as liaisonOfficers, active, version "
					+ "from station where id = :id")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(this::full);
	}

	private Sql filtered(ListFilter f) {
		return new Sql("select * from station")
			.where(f.townshipId() != null, "township_id = :township", "township", f.townshipId())
			.where(f.like() != null, "(lower(name) like :q or lower(address) like :q)", "q", f.like())
			.where(f.active() != null, "active = :active", "active", f.active());
	}

	List<Station> list(ListFilter f, long afterId, int limit, int offset) {
		return filtered(f)
			.page(jdbc, "id", afterId, limit, offset,
					(rs, i) -> new Row(rs.getLong("id"), rs.getLong("township_id"), rs.getString("name"),
							rs.getString("address"), rs.getString("opening_rule"), rs.getString("facilities"),
							rs.getString("liaison_officers"), rs.getBoolean("active"), rs.getInt("version")))
			.stream()
			.map(this::full)
			.toList();
	}

	int count(ListFilter f) {
		return filtered(f).count(jdbc, "station");
	}

	private Station full(Row r) {
		List<Long> villages = jdbc
			.sql("select village_id from station_village where station_id = :id order by village_id")
			.param("id", r.id())
			.query(Long.class)
			.list();
		List<Long> deputies = jdbc.sql("select deputy_id from deputy_station where station_id = :id order by deputy_id")
			.param("id", r.id())
			.query(Long.class)
			.list();
		return new Station(r.id(), r.townshipId(), r.name(), r.address(), r.openingRule(), decode(r.facilities()),
				r.liaisonOfficers(), villages, deputies, r.active(), r.version());
	}

	/** Township of each of the given stations (missing ids are absent). */
	Map<Long, Long> townshipsOf(List<Long> stationIds) {
		if (stationIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select id, township_id from station where id in (:ids)")
			.param("ids", stationIds)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	static String encode(Set<Facility> facilities) {
		return facilities.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static Set<Facility> decode(@Nullable String s) {
		EnumSet<Facility> set = EnumSet.noneOf(Facility.class);
		if (s != null && !s.isBlank()) {
			Arrays.stream(s.split(",")).map(Facility::valueOf).forEach(set::add);
		}
		return set;
	}

}
