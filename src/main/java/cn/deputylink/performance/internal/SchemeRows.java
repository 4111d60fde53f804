package cn.deputylink.performance.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.ActivityType;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.proposal.Evaluation;

/** The {@code points_rule} table: one row per item of the scheme. */
@Repository
class SchemeRows {

	private final JdbcClient jdbc;

	private final Clock clock;

	SchemeRows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	PointsScheme load() {
		Map<String, Integer> items = new LinkedHashMap<>();
		jdbc.sql("select item, points from points_rule").query(rs -> {
			items.put(rs.getString(1), rs.getInt(2));
		});
		Map<ActivityType, Integer> activity = new EnumMap<>(ActivityType.class);
		for (ActivityType t : ActivityType.values()) {
			activity.put(t, items.getOrDefault("ACTIVITY_" + t.name(), 0));
		}
		Map<Evaluation, Integer> evaluation = new EnumMap<>(Evaluation.class);
		for (Evaluation e : Evaluation.values()) {
			evaluation.put(e, items.getOrDefault("EVALUATION_" + e.name(), 0));
		}
		return new PointsScheme(activity, items.getOrDefault("DUTY_ATTENDED", 0), items.getOrDefault("DUTY_ABSENT", 0),
				items.getOrDefault("PROPOSAL_LED", 0), items.getOrDefault("PROPOSAL_COSIGNED", 0), evaluation,
				items.getOrDefault("OPINION_RECEIVED", 0));
	}

	void save(PointsScheme s) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		items(s).forEach((item, points) -> {
			int n = jdbc.sql("update points_rule set points = :p, updated_at = :at where item = :i")
				.param("p", points)
				.param("at", now)
				.param("i", item)
				.update();
			if (n == 0) {
				jdbc.sql("insert into points_rule (item, points, updated_at) values (:i, :p, :at)")
					.param("p", points)
					.param("at", now)
					.param("i", item)
					.update();
			}
		});
	}

	/** The scheme as items, in a fixed order. */
	static Map<String, Integer> items(PointsScheme s) {
		Map<String, Integer> m = new LinkedHashMap<>();
		for (ActivityType t : ActivityType.values()) {
			m.put("ACTIVITY_" + t.name(), s.activityPoints(t));
		}
		m.put("DUTY_ATTENDED", s.dutyAttended());
		m.put("DUTY_ABSENT", s.dutyAbsent());
		m.put("PROPOSAL_LED", s.proposalLed());
		m.put("PROPOSAL_COSIGNED", s.proposalCoSigned());
		for (Evaluation e : Evaluation.values()) {
			m.put("EVALUATION_" + e.name(), s.evaluationPoints(e));
		}
		m.put("OPINION_RECEIVED", s.opinionReceived());
		return m;
	}

	/** {@code ITEM=points;...}, as kept with a publication. */
	static String text(PointsScheme s) {
		return items(s).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
	}

}
