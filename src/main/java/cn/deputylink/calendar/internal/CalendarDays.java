package cn.deputylink.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code calendar_day} (the special days) and {@code calendar_year} (the years
 * held).
 */
@Repository
class CalendarDays {

	private static final String COLUMNS = "select \"day\", kind, name from calendar_day ";

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static SpecialDay row(ResultSet rs, int n) throws SQLException {
		return new SpecialDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3));
	}

	/** The special days in [from, to], in date order. */
	List<SpecialDay> between(LocalDate from, LocalDate to) {
		return jdbc.sql(COLUMNS + "where \"day\" between :from and :to order by \"day\"")
			.param("from", from)
			.param("to", to)
			.query(CalendarDays::row)
			.list();
	}

	/** Whether the year was imported, or has a special day entered by hand. */
	boolean knowsYear(int year) {
		return jdbc
			.sql("select count(*) from calendar_year where cal_year = :y union all "
					+ "select count(*) from calendar_day where \"day\" between :from and :to")
			.param("y", year)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query(Integer.class)
			.list()
			.stream()
			.anyMatch(n -> n > 0);
	}

	Optional<SpecialDay> find(LocalDate day) {
		return jdbc.sql(COLUMNS + "where \"day\" = :d").param("d", day).query(CalendarDays::row).optional();
	}

	/**
	 * Adds the year to the years held; false when it was there already. Safe against a
	 * concurrent twin.
	 */
	boolean claimYear(int year, String source) {
		return jdbc
			.sql("insert into calendar_year (cal_year, source, created_at) values (:y, :s, :at) on conflict do nothing")
			.param("y", year)
			.param("s", source)
			.param("at", OffsetDateTime.now(clock))
			.update() == 1;
	}

	/** Changes the day if it is special already, else adds it. */
	void put(SpecialDay d, String by) {
		int updated = jdbc
			.sql("update calendar_day set kind = :kind, name = :name, version = version + 1, updated_at = :at, "
					+ "updated_by = :by where \"day\" = :d")
			.param("kind", d.kind().name())
			.param("name", d.name())
			.param("at", OffsetDateTime.now(clock))
			.param("by", by)
			.param("d", d.date())
			.update();
		if (updated == 0) {
			insert(d, by);
		}
	}

	void insert(SpecialDay d, String by) {
		jdbc.sql(
				"insert into calendar_day (\"day\", kind, name, updated_at, updated_by) values (:d, :kind, :name, :at, :by)")
			.param("d", d.date())
			.param("kind", d.kind().name())
			.param("name", d.name())
			.param("at", OffsetDateTime.now(clock))
			.param("by", by)
			.update();
	}

	boolean delete(LocalDate day) {
		return jdbc.sql("delete from calendar_day where \"day\" = :d").param("d", day).update() == 1;
	}

	int deleteYear(int year) {
		return jdbc.sql("delete from calendar_day where \"day\" between :from and :to")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.update();
	}

}
