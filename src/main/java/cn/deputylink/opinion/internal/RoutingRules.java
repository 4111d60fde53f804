package cn.deputylink.opinion.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.organisation.Tier;
import cn.deputylink.opinion.RoutingRule;

@Repository
class RoutingRules {

	private final JdbcClient jdbc;

	RoutingRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final RowMapper<RoutingRule> ROW = (rs, i) -> new RoutingRule(rs.getLong("id"),
			rs.getString("category_code"), Tier.valueOf(rs.getString("tier")),
			(Long) rs.getObject("township_id", Long.class), rs.getLong("department_id"), rs.getInt("version"));

	private static String scopeKey(@Nullable Long townshipId) {
		return townshipId == null ? "ALL" : townshipId.toString();
	}

	public List<RoutingRule> all(@Nullable String categoryCode, @Nullable Long townshipId) {
		return jdbc
			.sql("select * from routing_rule where (:c = '' or category_code = :c) "
					+ "and (:t < 0 or township_id = :t or township_id is null) order by category_code, tier, scope_key")
			.param("c", categoryCode == null ? "" : categoryCode)
			.param("t", townshipId == null ? -1L : townshipId)
			.query(ROW)
			.list();
	}

	public Optional<RoutingRule> find(long id) {
		return jdbc.sql("select * from routing_rule where id = :id").param("id", id).query(ROW).optional();
	}

	/** The township's own rule for the cell, else the county-wide one. */
	public Optional<RoutingRule> match(String categoryCode, Tier tier, @Nullable Long townshipId) {
		return jdbc.sql("select * from routing_rule where category_code = :c and tier = :tier "
				+ "and (scope_key = :key or scope_key = 'ALL') order by case when scope_key = 'ALL' then 1 else 0 end")
			.param("c", categoryCode)
			.param("tier", tier.name())
			.param("key", scopeKey(townshipId))
			.query(ROW)
			.list()
			.stream()
			.findFirst();
	}

	public long insert(String categoryCode, Tier tier, @Nullable Long townshipId, long departmentId) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("insert into routing_rule (category_code, tier, township_id, scope_key, department_id) "
				+ "values (:c, :tier, :t, :key, :d)")
			.param("c", categoryCode)
			.param("tier", tier.name())
			.param("t", townshipId)
			.param("key", scopeKey(townshipId))
			.param("d", departmentId)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	public boolean update(long id, int version, long departmentId) {
		return jdbc
			.sql("update routing_rule set department_id = :d, version = version + 1 where id = :id and version = :v")
			.param("d", departmentId)
			.param("id", id)
			.param("v", version)
			.update() == 1;
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from routing_rule where id = :id").param("id", id).update() == 1;
	}

}
