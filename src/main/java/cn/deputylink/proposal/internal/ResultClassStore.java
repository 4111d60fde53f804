package cn.deputylink.proposal.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.proposal.ResultClass;

/** The county's reply result classes (table proposal_result_class). */
@Repository
class ResultClassStore {

	private final JdbcClient jdbc;

	ResultClassStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ResultClass> all() {
		return jdbc
			.sql("select code, label, explanation, favourable, sort_order, active from proposal_result_class "
					+ "order by sort_order, code")
			.query((rs, i) -> new ResultClass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getInt(5), rs.getBoolean(6)))
			.list();
	}

	public boolean isActive(String code) {
		return jdbc.sql("select count(*) from proposal_result_class where code = :c and active = true")
			.param("c", code)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Writes the list: the classes given are inserted or updated, the others deleted (the
	 * caller has checked that none of those is used).
	 */
	public void replace(List<ResultClass> classes) {
		List<String> keep = classes.stream().map(ResultClass::code).toList();
		jdbc.sql("delete from proposal_result_class where code not in (:keep)").param("keep", keep).update();
		for (ResultClass c : classes) {
			int n = jdbc
				.sql("update proposal_result_class set label = :l, explanation = :e, favourable = :f, sort_order = :o, "
						+ "active = :a where code = :c")
				.param("l", c.label())
				.param("e", c.explanation())
				.param("f", c.favourable())
				.param("o", c.sortOrder())
				.param("a", c.active())
				.param("c", c.code())
				.update();
			if (n == 0) {
				jdbc.sql("insert into proposal_result_class (code, label, explanation, favourable, sort_order, active) "
						+ "values (:c, :l, :e, :f, :o, :a)")
					.param("l", c.label())
					.param("e", c.explanation())
					.param("f", c.favourable())
					.param("o", c.sortOrder())
					.param("a", c.active())
					.param("c", c.code())
					.update();
			}
		}
	}

}
