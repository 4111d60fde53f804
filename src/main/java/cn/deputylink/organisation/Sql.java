package cn.deputylink.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/** A select with optional conditions, paged by keyset (API) or offset (pages). */
final class Sql {

	private final String select;

	private final List<String> where = new ArrayList<>();

	private final Map<String, @Nullable Object> params = new LinkedHashMap<>();

	Sql(String select) {
		this.select = select;
	}

	Sql where(boolean apply, String condition, String name, @Nullable Object value) {
		if (apply) {
			where.add(condition);
			params.put(name, value);
		}
		return this;
	}

	private String whereClause() {
		return where.isEmpty() ? "" : " where " + String.join(" and ", where);
	}

	<T> List<T> page(JdbcClient jdbc, String idColumn, long afterId, int limit, int offset, RowMapper<T> mapper) {
		return jdbc
			.sql(select + whereClause() + (where.isEmpty() ? " where " : " and ") + idColumn + " > :afterId"
					+ " order by " + idColumn + " limit :limit offset :offset")
			.params(params)
			.param("afterId", afterId)
			.param("limit", limit)
			.param("offset", offset)
			.query(mapper)
			.list();
	}

	/** The id the database gave the row just inserted. */
	static long key(KeyHolder keys) {
		return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
	}

	int count(JdbcClient jdbc, String from) {
		return jdbc.sql("select count(*) from " + from + whereClause()).params(params).query(Integer.class).single();
	}

}
