package cn.deputylink.organisation;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Handling departments and the categories each is competent for. */
@Repository
class Departments {

	private record Row(long id, String name, String tier, @Nullable Long townshipId, boolean active, int version) {
	}

	record Fields(String name, Tier tier, @Nullable Long townshipId, List<String> categoryCodes) {
	}

	private final JdbcClient jdbc;

	Departments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Fields f) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into department (name, tier, township_id) values (:name, :tier, :t)")
			.param("name", f.name())
			.param("tier", f.tier().name())
			.param("t", f.townshipId())
			.update(keys, "id");
		long id = Sql.key(keys);
		setCategories(id, f.categoryCodes());
		return id;
	}

	boolean update(long id, int version, Fields f) {
		int n = jdbc
			.sql("update department set name = :name, tier = :tier, township_id = :t, version = version + 1 "
					+ "where id = :id and version = :version")
			.param("name", f.name())
			.param("tier", f.tier().name())
			.param("t", f.townshipId())
			.param("id", id)
			.param("version", version)
			.update();
		if (n == 1) {
			setCategories(id, f.categoryCodes());
		}
		return n == 1;
	}

	private void setCategories(long id, List<String> codes) {
		jdbc.sql("delete from department_category where department_id = :id").param("id", id).update();
		for (String c : codes.stream().distinct().toList()) {
			jdbc.sql("insert into department_category (department_id, category_code) values (:d, :c)")
				.param("d", id)
				.param("c", c)
				.update();
		}
	}

	Optional<Department> find(long id) {
		return jdbc
			.sql("select id, name, tier, township_id as townshipId, active, version from department where id = :id")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(this::full);
	}

	/** For a township-scoped reader: its own township's departments and the county's. */
	private Sql filtered(ListFilter f, @Nullable Tier tier) {
		return new Sql("select * from department")
			.where(f.townshipId() != null, "(township_id = :township or township_id is null)", "township",
					f.townshipId())
			.where(tier != null, "tier = :tier", "tier", tier == null ? "" : tier.name())
			.where(f.like() != null, "lower(name) like :q", "q", f.like())
			.where(f.active() != null, "active = :active", "active", f.active());
	}

	List<Department> list(ListFilter f, @Nullable Tier tier, long afterId, int limit, int offset) {
		return filtered(f, tier)
			.page(jdbc, "id", afterId, limit, offset,
					(rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("tier"),
							(Long) rs.getObject("township_id", Long.class), rs.getBoolean("active"),
							rs.getInt("version")))
			.stream()
			.map(this::full)
			.toList();
	}

	int count(ListFilter f, @Nullable Tier tier) {
		return filtered(f, tier).count(jdbc, "department");
	}

	private Department full(Row r) {
		List<String> codes = jdbc
			.sql("select category_code from department_category where department_id = :id " + "order by category_code")
			.param("id", r.id())
			.query(String.class)
			.list();
		return new Department(r.id(), r.name(), Tier.valueOf(r.tier()), r.townshipId(), codes, r.active(), r.version());
	}

}
