package cn.deputylink.organisation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.account.OrganisationDirectory;

/** Answers the accounts module's questions about the registry. */
@Component
class Directory implements OrganisationDirectory {

	private static final RowMapper<Choice> CHOICE = (rs, i) -> new Choice(rs.getLong("id"), rs.getString("name"),
			(Long) rs.getObject("township_id", Long.class), rs.getBoolean("active"));

	private final JdbcClient jdbc;

	Directory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private boolean exists(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public boolean townshipExists(long townshipId) {
		return exists("township", townshipId);
	}

	@Override
	public Optional<Long> townshipOfStation(long stationId) {
		return jdbc.sql("select township_id from station where id = :id")
			.param("id", stationId)
			.query(Long.class)
			.optional();
	}

	@Override
	public Optional<Long> townshipOfDepartment(long departmentId) {
		return jdbc.sql("select township_id from department where id = :id")
			.param("id", departmentId)
			.query((rs, i) -> Optional.ofNullable((Long) rs.getObject(1, Long.class)))
			.optional()
			.flatMap(o -> o);
	}

	@Override
	public boolean departmentExists(long departmentId) {
		return exists("department", departmentId);
	}

	@Override
	public boolean deputyExists(long deputyId) {
		return exists("deputy", deputyId);
	}

	@Override
	public List<Choice> townships() {
		return jdbc.sql("select id, name, cast(null as bigint) as township_id, active from township order by name, id")
			.query(CHOICE)
			.list();
	}

	@Override
	public List<Choice> stations() {
		return jdbc
			.sql("select s.id, s.name, s.township_id, s.active from station s "
					+ "join township t on t.id = s.township_id order by t.name, s.name, s.id")
			.query(CHOICE)
			.list();
	}

	@Override
	public List<Choice> deputies() {
		Map<Long, List<String>> stationsOf = new HashMap<>();
		jdbc.sql("select ds.deputy_id, s.name from deputy_station ds join station s on s.id = ds.station_id "
				+ "order by ds.deputy_id, s.name")
			.query((rs, i) -> stationsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return jdbc.sql("select id, name, cast(null as bigint) as township_id, active from deputy order by name, id")
			.query(CHOICE)
			.list()
			.stream()
			.map(c -> stationsOf.containsKey(c.id()) ? new Choice(c.id(),
					c.name() + "（" + String.join("、", stationsOf.get(c.id())) + "）", null, c.active()) : c)
			.toList();
	}

	@Override
	public List<Choice> departments() {
		return jdbc.sql("select id, name, township_id, active from department order by name, id").query(CHOICE).list();
	}

}
