package cn.deputylink.targets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ComplianceReport;
import cn.deputylink.activity.ObligationTracker;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.statistics.Indicators;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;
import cn.deputylink.standards.StationStandards;
import cn.deputylink.standards.TownshipStandard;
import cn.deputylink.targets.Indicator;

/**
 * The measured indicators of every active township for a year, from the other modules:
 * duty days held of those published or held (the duty module), deputies with all "三个一"
 * met (the activity module), opinions answered on time and satisfied ratings and opinions
 * converted into proposals (the statistics module), and the township's active stations up
 * to standard (the standards module: by each station's latest inspection on or before 31
 * December of the year, or today in the current year).
 */
@Component
public class Measurements {

	/**
	 * Reads the county's figures for the assessment, not on behalf of a signed-in user.
	 */
	private static final CurrentUser READER = new CurrentUser(0, "targets", "targets", Role.COUNTY_ADMIN, null, null,
			null, null, false, false, null, true, false);

	private final RegistryLookup registry;

	private final DutyQueries duty;

	private final ObligationTracker obligations;

	private final StatisticsRecords statistics;

	private final StationStandards standards;

	private final Clock clock;

	private final ZoneId zone;

	Measurements(RegistryLookup registry, DutyQueries duty, ObligationTracker obligations, StatisticsRecords statistics,
			StationStandards standards, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.standards = standards;
		this.clock = clock;
		this.zone = zone;
		this.registry = registry;
		this.duty = duty;
		this.obligations = obligations;
		this.statistics = statistics;
	}

	public List<Township> townships() {
		return registry.activeTownships();
	}

	public Map<Long, Map<Indicator, BigDecimal>> measure(int year) {
		Period period = Period.year(year);
		Map<Long, Indicators> ind = statistics.indicatorsByTownship(period);
		Map<Long, Summary> sums = statistics.byTownship(period);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<Long, TownshipStandard> upToStandard = standards
			.upToStandardByTownship(today.getYear() == year ? today : to);
		Map<Long, Map<Indicator, BigDecimal>> out = new HashMap<>();
		for (Township t : townships()) {
			Map<Indicator, BigDecimal> m = new EnumMap<>(Indicator.class);
			List<Long> stations = registry.stationsOf(t.id()).stream().map(Station::id).toList();
			if (!stations.isEmpty()) {
				List<DutyDay> days = duty.daysOfStations(stations, from, to,
						Set.of(DutyStatus.PUBLISHED, DutyStatus.HELD));
				long held = days.stream().filter(d -> d.status() == DutyStatus.HELD).count();
				putRatio(m, Indicator.DUTY_DAYS_HELD, held, days.size());
			}
			TownshipStandard st = upToStandard.get(t.id());
			if (st != null) {
				putRatio(m, Indicator.STATIONS_UP_TO_STANDARD, st.upToStandard(), st.total());
			}
			ComplianceReport report = obligations.compliance(year, t.id(), null, READER);
			putRatio(m, Indicator.DEPUTIES_THREE_ONES, report.allMetCount(), report.total());
			Indicators i = ind.get(t.id());
			if (i != null) {
				putRatio(m, Indicator.OPINIONS_ON_TIME, i.repliedInTime(), i.replied());
				putRatio(m, Indicator.OPINIONS_SATISFIED, i.satisfied(), i.rated());
			}
			Summary s = sums.get(t.id());
			m.put(Indicator.OPINIONS_CONVERTED, BigDecimal.valueOf(s == null ? 0 : s.opinionsConverted()));
			out.put(t.id(), m);
		}
		return out;
	}

	private static void putRatio(Map<Indicator, BigDecimal> m, Indicator k, long part, long whole) {
		if (whole > 0) {
			m.put(k, BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
		}
	}

}
