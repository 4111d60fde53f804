package cn.deputylink.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Townships and their villages. */
@Repository
class Townships {

	private static final RowMapper<Township> TOWNSHIP = (rs, i) -> new Township(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), rs.getBoolean("active"), rs.getInt("version"));

	private static final RowMapper<Village> VILLAGE = (rs, i) -> new Village(rs.getLong("id"),
			rs.getLong("township_id"), rs.getString("name"), rs.getBoolean("active"), rs.getInt("version"));

	private final JdbcClient jdbc;

	Townships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String code, String name) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into township (code, name) values (:code, :name)")
			.param("code", code)
			.param("name", name)
			.update(keys, "id");
		return Sql.key(keys);
	}

	boolean update(long id, int version, String code, String name) {
		return jdbc
			.sql("update township set code = :code, name = :name, version = version + 1 "
					+ "where id = :id and version = :version")
			.param("code", code)
			.param("name", name)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Township> find(long id) {
		return jdbc.sql("select * from township where id = :id").param("id", id).query(TOWNSHIP).optional();
	}

	private Sql filtered(ListFilter f) {
		return new Sql("select * from township")
			.where(f.townshipId() != null, "id = :township", "township", f.townshipId())
			.where(f.like() != null, "(lower(name) like :q or lower(code) like :q)", "q", f.like())
			.where(f.active() != null, "active = :active", "active", f.active());
	}

	List<Township> list(ListFilter f, long afterId, int limit, int offset) {
		return filtered(f).page(jdbc, "id", afterId, limit, offset, TOWNSHIP);
	}

	int count(ListFilter f) {
		return filtered(f).count(jdbc, "township");
	}

	void setActive(String table, long id, boolean active) {
		jdbc.sql("update " + table + " set active = :a, version = version + 1 where id = :id")
			.param("a", active)
			.param("id", id)
			.update();
	}

	void delete(String table, long id) {
		jdbc.sql("delete from " + table + " where id = :id").param("id", id).update();
	}

	long insertVillage(long townshipId, String name) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into village (township_id, name) values (:t, :name)")
			.param("t", townshipId)
			.param("name", name)
			.update(keys, "id");
		return Sql.key(keys);
	}

	boolean updateVillage(long id, int version, String name) {
		return jdbc.sql("update village set name = :name, version = version + 1 where id = :id and version = :version")
			.param("name", name)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Village> findVillage(long id) {
		return jdbc.sql("select * from village where id = :id").param("id", id).query(VILLAGE).optional();
	}

	private Sql villages(ListFilter f) {
		return new Sql("select * from village")
			.where(f.townshipId() != null, "township_id = :township", "township", f.townshipId())
			.where(f.like() != null, "lower(name) like :q", "q", f.like())
			.where(f.active() != null, "active = :active", "active", f.active());
	}

	List<Village> listVillages(ListFilter f, long afterId, int limit, int offset) {
		return villages(f).page(jdbc, "id", afterId, limit, offset, VILLAGE);
	}

	int countVillages(ListFilter f) {
		return villages(f).count(jdbc, "village");
	}

	List<Village> villagesOf(long townshipId) {
		return jdbc.sql("select * from village where township_id = :t order by id")
			.param("t", townshipId)
			.query(VILLAGE)
			.list();
	}

	List<Village> villagesByIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from village where id in (:ids)").param("ids", ids).query(VILLAGE).list();
	}

	List<Township> all() {
		return jdbc.sql("select * from township order by id").query(TOWNSHIP).list();
	}

}
