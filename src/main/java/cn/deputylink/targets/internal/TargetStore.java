package cn.deputylink.targets.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.targets.Indicator;
import cn.deputylink.targets.Marks;
import cn.deputylink.targets.TargetRule;

/**
 * The tables {@code target_rule}, {@code target_marks} and {@code target_manual_score}.
 */
@Component
public class TargetStore {

	private final JdbcClient jdbc;

	TargetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<TargetRule> rules() {
		return jdbc
			.sql("select code, name, indicator, max_points, target, position, active, version from target_rule"
					+ " order by position, code")
			.query((rs, n) -> {
				String ind = rs.getString(3);
				return new TargetRule(rs.getString(1), rs.getString(2), ind == null ? null : Indicator.valueOf(ind),
						rs.getBigDecimal(4).setScale(1), rs.getBigDecimal(5).stripTrailingZeros(), rs.getInt(6),
						rs.getBoolean(7), rs.getInt(8));
			})
			.list();
	}

	/** Updates a rule if it still has {@code version}; 409 otherwise. */
	public void update(String code, String name, BigDecimal maxPoints, BigDecimal target, int position, boolean active,
			int version) {
		int n = jdbc.sql("""
				update target_rule set name = :name, max_points = :max, target = :target, position = :pos,
				       active = :active, version = version + 1
				where code = :code and version = :version
				""")
			.param("name", name)
			.param("max", maxPoints)
			.param("target", target)
			.param("pos", position)
			.param("active", active)
			.param("code", code)
			.param("version", version)
			.update();
		if (n == 0) {
			throw new ConflictException("targets.rule.changed");
		}
	}

	public Marks marks() {
		return jdbc.sql("select excellent_mark, pass_mark, version from target_marks where id = 1")
			.query((rs, n) -> new Marks(rs.getBigDecimal(1).setScale(1), rs.getBigDecimal(2).setScale(1), rs.getInt(3)))
			.optional()
			.orElse(Marks.DEFAULT);
	}

	public void saveMarks(BigDecimal excellent, BigDecimal pass, int version) {
		int n = jdbc
			.sql("update target_marks set excellent_mark = :e, pass_mark = :p, version = version + 1"
					+ " where id = 1 and version = :v")
			.param("e", excellent)
			.param("p", pass)
			.param("v", version)
			.update();
		if (n == 0) {
			throw new ConflictException("targets.marks.changed");
		}
	}

	/** The manual scores of a year: township id → rule code → score. */
	public Map<Long, Map<String, TargetCalculator.Manual>> manual(int year) {
		Map<Long, Map<String, TargetCalculator.Manual>> out = new HashMap<>();
		jdbc.sql("select township_id, rule_code, points, evidence from target_manual_score where target_year = :y")
			.param("y", year)
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(rs.getString(2), new TargetCalculator.Manual(rs.getBigDecimal(3), rs.getString(4)));
			});
		return out;
	}

	public void saveManual(int year, long townshipId, String ruleCode, BigDecimal points, String evidence, String by,
			OffsetDateTime at) {
		jdbc.sql("delete from target_manual_score where target_year = :y and township_id = :t and rule_code = :r")
			.param("y", year)
			.param("t", townshipId)
			.param("r", ruleCode)
			.update();
		jdbc.sql(
				"""
						insert into target_manual_score (target_year, township_id, rule_code, points, evidence, scored_by, scored_at)
						values (:y, :t, :r, :p, :e, :by, :at)
						""")
			.param("y", year)
			.param("t", townshipId)
			.param("r", ruleCode)
			.param("p", points)
			.param("e", evidence)
			.param("by", by)
			.param("at", at)
			.update();
	}

}
