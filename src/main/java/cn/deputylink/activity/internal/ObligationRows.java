package cn.deputylink.activity.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts the "三个一" are counted from, for many deputies at once (two queries however
 * many deputies), and the {@code obligation_reminder} rows that keep reminders single.
 */
@Repository
class ObligationRows {

	private final JdbcClient jdbc;

	ObligationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each deputy's facts of {@code year}: its counting visits, deeds and poverty-aid
	 * help, and its pairings that ran at some point of the year; {@code deputyIds} null
	 * for every deputy. A deputy without facts is absent from the map.
	 */
	Map<Long, ObligationCounting.Facts> facts(int year, @Nullable Collection<Long> deputyIds) {
		Map<Long, ObligationCounting.Facts> facts = new HashMap<>();
		if (deputyIds != null && deputyIds.isEmpty()) {
			return facts;
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		String only = deputyIds == null ? "" : " and ad.deputy_id in (:ids)";
		var activities = jdbc.sql("select ad.deputy_id, a.type, a.activity_date, a.household_id from activity a "
				+ "join activity_deputy ad on ad.activity_id = a.id "
				+ "where a.status in ('RECORDED', 'APPROVED') and a.type in ('VISIT', 'PRACTICAL_DEED', 'POVERTY_AID') "
				+ "and a.activity_date >= :from and a.activity_date <= :to" + only)
			.param("from", from)
			.param("to", to);
		if (deputyIds != null) {
			activities = activities.param("ids", List.copyOf(deputyIds));
		}
		activities.query(rs -> {
			ObligationCounting.Facts f = facts.computeIfAbsent(rs.getLong(1), k -> ObligationCounting.Facts.none());
			LocalDate date = rs.getObject(3, LocalDate.class);
			switch (rs.getString(2)) {
				case "VISIT" -> f.visits().add(date);
				case "PRACTICAL_DEED" -> f.deeds().add(date);
				default -> {
					long household = rs.getLong(4);
					if (!rs.wasNull()) {
						f.help().add(new ObligationCounting.Help(household, date));
					}
				}
			}
		});
		String onlyPairings = deputyIds == null ? "" : " and deputy_id in (:ids)";
		var pairings = jdbc
			.sql("select deputy_id, household_id, start_date, end_date from household_pairing "
					+ "where start_date <= :to and (end_date is null or end_date >= :from)" + onlyPairings)
			.param("from", from)
			.param("to", to);
		if (deputyIds != null) {
			pairings = pairings.param("ids", List.copyOf(deputyIds));
		}
		pairings.query(rs -> {
			facts.computeIfAbsent(rs.getLong(1), k -> ObligationCounting.Facts.none())
				.pairings()
				.add(new ObligationCounting.Pairing(rs.getLong(2), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class)));
		});
		return facts;
	}

	/**
	 * Claims the reminder of a deputy and quarter: true for the first claim; false when
	 * it was claimed before (by this node or another). The caller's transaction holds the
	 * row until it commits, so a concurrent claim waits and then finds it.
	 */
	boolean claimReminder(long deputyId, int year, int quarter, OffsetDateTime at) {
		int n = jdbc
			.sql("insert into obligation_reminder (deputy_id, for_year, for_quarter, sent_at) "
					+ "select :d, :y, :q, :at where not exists (select 1 from obligation_reminder "
					+ "where deputy_id = :d and for_year = :y and for_quarter = :q)")
			.param("d", deputyId)
			.param("y", year)
			.param("q", quarter)
			.param("at", at)
			.update();
		return n == 1;
	}

}
