package cn.deputylink.organisation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.account.OrganisationDirectory;

/** Answers the accounts module's questions about the registry. */
@Component
class Directory implements OrganisationDirectory {

	private final JdbcClient jdbc;

	private final Stations stations;

	Directory(JdbcClient jdbc, Stations stations) {
		this.jdbc = jdbc;
		this.stations = stations;
	}

	private boolean exists(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Integer.class).single() > 0;
	}

	@Override
	public boolean townshipExists(long townshipId) {
		return exists("township", townshipId);
	}

	@Override
	public Optional<Long> townshipOfStation(long stationId) {
		return stations.townshipOf(stationId);
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
}
