package cn.deputylink.briefing.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.deputylink.briefing.HeadlineFigures;
import cn.deputylink.briefing.LeaderRow;
import cn.deputylink.briefing.TypicalCase;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.statistics.Leader;
import cn.deputylink.statistics.OpinionEntry;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;

/**
 * A new draft from the statistics' public records ({@link StatisticsRecords}): the six
 * figures of the period and scope, the five most active stations and deputies, up to five
 * typical cases, and the default texts of the message bundle filled with them.
 */
@Component
public class BriefingGenerator {

	static final int LEADERS = 5;

	static final int CASES = 5;

	private final StatisticsRecords statistics;

	private final RegistryLookup registry;

	private final MessageSource messages;

	BriefingGenerator(StatisticsRecords statistics, RegistryLookup registry, MessageSource messages) {
		this.statistics = statistics;
		this.registry = registry;
		this.messages = messages;
	}

	/**
	 * The draft for the period and the scope (a station's names its township); the title
	 * blank: the default one.
	 */
	public Briefing generate(LocalDate from, LocalDate to, @Nullable Long townshipId, @Nullable Long stationId,
			String scopeName, @Nullable String title, String createdBy, OffsetDateTime now, Locale locale) {
		Briefing.checkPeriod(from, to);
		Period period = new Period(from, to);
		Scope scope = stationId != null ? Scope.station(stationId)
				: townshipId != null ? Scope.township(townshipId) : Scope.county();
		Summary s = statistics.summary(period, scope);
		HeadlineFigures figures = new HeadlineFigures(s.activities(), s.constituentsReceived(), s.householdsVisited(),
				s.opinions(), s.opinionsResolved(), s.opinionsConverted());
		List<Leader> stationLeaders = stationId != null ? List.of()
				: statistics.leadingStations(period, scope, LEADERS);
		List<Leader> deputyLeaders = statistics.leadingDeputies(period, scope, LEADERS);
		Map<Long, String> stationNames = registry.stationNames(ids(stationLeaders));
		Map<Long, String> deputyNames = registry.deputyNames(ids(deputyLeaders));
		List<OpinionEntry> entries = statistics.typicalCases(period, scope, CASES);
		Set<Long> caseStations = new LinkedHashSet<>();
		entries.forEach(e -> {
			if (e.stationId() != null) {
				caseStations.add(e.stationId());
			}
		});
		Map<Long, String> caseStationNames = registry.stationNames(caseStations);
		Map<String, Category> categories = registry.activeCategoriesByCode();
		List<TypicalCase> cases = new ArrayList<>();
		for (OpinionEntry e : entries) {
			String station = e.stationId() == null ? null : caseStationNames.get(e.stationId());
			Category c = e.categoryCode() == null ? null : categories.get(e.categoryCode());
			String category = c == null ? null : "en".equals(locale.getLanguage()) ? c.nameEn() : c.nameZh();
			String text = msg(e.converted() ? "briefing.case.converted" : "briefing.case.resolved", locale,
					date(e.receivedOn(), locale), station == null ? scopeName : station,
					category == null ? msg("briefing.case.noCategory", locale) : category, e.trackingCode());
			cases.add(new TypicalCase(e.opinionId(), e.trackingCode(), e.receivedOn(), station, category, e.converted(),
					text));
		}
		String t = title == null || title.isBlank()
				? msg("briefing.title.default", locale, scopeName, date(from, locale), date(to, locale)) : title;
		String intro = msg("briefing.intro.default", locale, date(from, locale), date(to, locale), scopeName,
				s.activities(), s.constituentsReceived(), s.householdsVisited(), s.opinions(), s.opinionsResolved(),
				s.opinionsConverted());
		String body = msg("briefing.body.default", locale);
		return Briefing.draft(t, from, to, townshipId, stationId, scopeName, intro, body, figures,
				rows(stationLeaders, stationNames), rows(deputyLeaders, deputyNames), cases, createdBy, now);
	}

	private static List<Long> ids(List<Leader> leaders) {
		return leaders.stream().map(Leader::id).toList();
	}

	private static List<LeaderRow> rows(List<Leader> leaders, Map<Long, String> names) {
		return leaders.stream()
			.map(l -> new LeaderRow(l.id(), names.getOrDefault(l.id(), "#" + l.id()), l.summary().activities(),
					l.summary().constituentsReceived(), l.summary().opinions(), l.summary().opinionsResolved()))
			.toList();
	}

	private String date(LocalDate d, Locale locale) {
		return msg("briefing.date", locale, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
	}

	private String msg(String key, Locale locale, Object... args) {
		String m = messages.getMessage(key, args, key, locale);
		return m == null ? key : m;
	}

}
