package cn.deputylink.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.statistics.ActivityEntry;
import cn.deputylink.statistics.BreakdownRow;
import cn.deputylink.statistics.Dashboard;
import cn.deputylink.statistics.Dimension;
import cn.deputylink.statistics.Drill;
import cn.deputylink.statistics.Figure;
import cn.deputylink.statistics.Indicators;
import cn.deputylink.statistics.OpinionEntry;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.Statistics;
import cn.deputylink.statistics.Summary;

/**
 * The statistics dashboard ({@code /statistics}) for a period and a scope, and the
 * records behind each figure ({@code /statistics/opinions},
 * {@code /statistics/activities}). The scope is the one the facade grants (a township
 * admin's is its township whatever it asks); a department handler has no statistics
 * (403). Bad parameters answer the 400 page.
 */
@Controller
@RequestMapping("/statistics")
class StatisticsPages {

	/** The six headline figures, in the order of the page. */
	static final List<Figure> HEADLINE = List.of(Figure.ACTIVITIES, Figure.CONSTITUENTS_RECEIVED,
			Figure.HOUSEHOLDS_VISITED, Figure.OPINIONS, Figure.RESOLVED, Figure.CONVERTED);

	private final Statistics statistics;

	private final RegistryLookup registry;

	private final Clock clock;

	private final ZoneId zone;

	StatisticsPages(Statistics statistics, RegistryLookup registry, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.statistics = statistics;
		this.registry = registry;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The period and scope of every statistics page as typed into the query string: read
	 * here, so that an unreadable value gets the page's own message, not a binding error.
	 */
	record Query(@Nullable String from, @Nullable String to, @Nullable String quick, @Nullable String townshipId,
			@Nullable String stationId, @Nullable String deputyId) {

		Scope scope() {
			return new Scope(id("townshipId", townshipId), id("stationId", stationId), id("deputyId", deputyId));
		}

	}

	/** What a drill-down page lists, as typed into its query string. */
	record DrillQuery(@Nullable String figure, @Nullable String dimension, @Nullable String key, @Nullable String month,
			@Nullable String cursor) {

		Drill drill(Figure fallback) {
			return StatisticsPages.drill(figure, dimension, key, month, fallback);
		}

	}

	@GetMapping
	String dashboard(Query q, Model model) {
		CurrentUser me = viewer();
		Period period = period(q.from(), q.to(), q.quick());
		Scope asked = q.scope();
		Dashboard d = statistics.dashboard(me, period, asked);
		Links links = new Links(d.period(), d.scope());
		model.addAttribute("d", d);
		model.addAttribute("links", links);
		model.addAttribute("headline", headline(d.summary()));
		model.addAttribute("categoryNames", categoryNames(d.byCategory()));
		Map<String, String> departments = new LinkedHashMap<>();
		registry.departmentNames(longKeys(d.byDepartment())).forEach((k, v) -> departments.put(String.valueOf(k), v));
		model.addAttribute("departmentNames", departments);
		model.addAttribute("figures", HEADLINE);
		model.addAttribute("monthRows",
				d.months().stream().map(m -> new MonthRow(m.month(), headline(m.summary()))).toList());
		pickers(me, d.scope(), model);
		periodModel(d.period(), model);
		return "statistics/dashboard";
	}

	@GetMapping("/opinions")
	String opinions(Query q, DrillQuery dq, Model model) {
		CurrentUser me = viewer();
		Period period = period(q.from(), q.to(), q.quick());
		Scope asked = q.scope();
		Drill drill = dq.drill(Figure.OPINIONS);
		String cursor = dq.cursor();
		if (drill.figure().isActivity()) {
			throw new InvalidInputException("figure", "statistics.web.error.figure");
		}
		CursorPage<OpinionEntry> page = statistics.opinions(me, period, asked, drill, blank(cursor), null);
		Scope scope = statistics.effectiveScope(me, asked);
		drillModel(me, period, scope, drill, cursor, page.nextCursor(), model);
		model.addAttribute("items", page.items());
		Set<Long> stations = new LinkedHashSet<>();
		Set<Long> departments = new LinkedHashSet<>();
		Set<String> categories = new LinkedHashSet<>();
		for (OpinionEntry e : page.items()) {
			if (e.stationId() != null) {
				stations.add(e.stationId());
			}
			if (e.departmentId() != null) {
				departments.add(e.departmentId());
			}
			if (e.categoryCode() != null) {
				categories.add(e.categoryCode());
			}
		}
		model.addAttribute("stationNames", registry.stationNames(stations));
		model.addAttribute("departmentNames", registry.departmentNames(departments));
		model.addAttribute("categoryNames", names(categories));
		return "statistics/opinions";
	}

	@GetMapping("/activities")
	String activities(Query q, DrillQuery dq, Model model) {
		CurrentUser me = viewer();
		Period period = period(q.from(), q.to(), q.quick());
		Scope asked = q.scope();
		Drill drill = dq.drill(Figure.ACTIVITIES);
		String cursor = dq.cursor();
		if (!drill.figure().isActivity() || drill.dimension() != null) {
			throw new InvalidInputException("figure", "statistics.web.error.figure");
		}
		CursorPage<ActivityEntry> page = statistics.activities(me, period, asked, drill, blank(cursor), null);
		Scope scope = statistics.effectiveScope(me, asked);
		drillModel(me, period, scope, drill, cursor, page.nextCursor(), model);
		model.addAttribute("items", page.items());
		Set<Long> stations = new LinkedHashSet<>();
		Set<Long> deputies = new LinkedHashSet<>();
		for (ActivityEntry e : page.items()) {
			if (e.stationId() != null) {
				stations.add(e.stationId());
			}
			deputies.addAll(e.deputyIds());
		}
		model.addAttribute("stationNames", registry.stationNames(stations));
		model.addAttribute("deputyNames", registry.deputyNames(deputies));
		return "statistics/activities";
	}

	private static CurrentUser viewer() {
		CurrentUser me = CurrentUser.get();
		if (me.is(Role.DEPARTMENT_HANDLER)) {
			throw new AccessDeniedException("statistics");
		}
		return me;
	}

	private void drillModel(CurrentUser me, Period period, Scope scope, Drill drill, @Nullable String cursor,
			@Nullable String next, Model model) {
		Links links = new Links(period, scope);
		model.addAttribute("drill", drill);
		model.addAttribute("links", links);
		model.addAttribute("count", count(me, period, scope, drill));
		model.addAttribute("dimensionLabel", dimensionLabel(drill));
		model.addAttribute("scopeLabel", scopeLabel(scope));
		model.addAttribute("firstPage", blank(cursor) == null);
		model.addAttribute("firstUrl", links.drill(drill.figure(), drill.dimension(), drill.key(), drill.month()));
		model.addAttribute("nextUrl",
				next == null ? null : links.drill(drill.figure(), drill.dimension(), drill.key(), drill.month(), next));
		periodModel(period, model);
	}

	/**
	 * How many records the figure counts, as the dashboard shows it (null: not shown
	 * there).
	 */
	@Nullable Long count(CurrentUser me, Period period, Scope scope, Drill drill) {
		Dashboard d = statistics.dashboard(me, period, scope);
		if (drill.month() != null) {
			if (drill.dimension() != null) {
				return null;
			}
			return d.months()
				.stream()
				.filter(m -> m.month().equals(drill.month()))
				.findFirst()
				.map(m -> summaryValue(m.summary(), drill.figure()))
				.orElse(0L);
		}
		if (drill.dimension() != null) {
			List<BreakdownRow> rows = switch (drill.dimension()) {
				case CATEGORY -> d.byCategory();
				case SOURCE -> d.bySource();
				case DEPARTMENT -> d.byDepartment();
				default -> statistics.breakdown(me, period, scope, drill.dimension());
			};
			String k = drill.key() == null ? "" : drill.key();
			return rows.stream()
				.filter(r -> r.key().equals(k))
				.findFirst()
				.map(r -> rowValue(r, drill.figure()))
				.orElse(0L);
		}
		Long s = summaryValue(d.summary(), drill.figure());
		return s != null ? s : indicatorValue(d.indicators(), drill.figure());
	}

	static @Nullable Long summaryValue(Summary s, Figure f) {
		return switch (f) {
			case ACTIVITIES -> s.activities();
			case CONSTITUENTS_RECEIVED -> s.constituentsReceived();
			case HOUSEHOLDS_VISITED -> s.householdsVisited();
			case OPINIONS -> s.opinions();
			case RESOLVED -> s.opinionsResolved();
			case CONVERTED -> s.opinionsConverted();
			default -> null;
		};
	}

	static @Nullable Long indicatorValue(Indicators i, Figure f) {
		return switch (f) {
			case OPINIONS -> i.opinions();
			case CLOSED -> i.closed();
			case RESOLVED -> i.resolved();
			case REPLIED -> i.replied();
			case REPLIED_IN_TIME -> i.repliedInTime();
			case OVERDUE -> i.overdue();
			case RATED -> i.rated();
			case SATISFIED -> i.satisfied();
			default -> null;
		};
	}

	static @Nullable Long rowValue(BreakdownRow r, Figure f) {
		return switch (f) {
			case OPINIONS -> r.opinions();
			case RESOLVED -> r.resolved();
			case CONVERTED -> r.converted();
			case REPLIED_IN_TIME -> r.repliedInTime();
			case OVERDUE -> r.overdue();
			default -> null;
		};
	}

	private static List<Tile> headline(Summary s) {
		List<Tile> tiles = new ArrayList<>();
		for (Figure f : HEADLINE) {
			Long v = summaryValue(s, f);
			tiles.add(new Tile(f, v == null ? 0 : v));
		}
		return tiles;
	}

	/** A headline figure on the page. */
	record Tile(Figure figure, long value) {
	}

	/** A month of the trend with its six figures. */
	record MonthRow(YearMonth month, List<Tile> tiles) {
	}

	private String dimensionLabel(Drill drill) {
		if (drill.dimension() == null || drill.key() == null) {
			return "";
		}
		String k = drill.key();
		return switch (drill.dimension()) {
			case CATEGORY -> names(Set.of(k)).getOrDefault(k, k);
			case DEPARTMENT, TOWNSHIP, STATION -> {
				Long id = parseKey(k);
				if (id == null) {
					yield "—";
				}
				Map<Long, String> n = drill.dimension() == Dimension.DEPARTMENT ? registry.departmentNames(Set.of(id))
						: drill.dimension() == Dimension.TOWNSHIP ? registry.townshipNames(Set.of(id))
								: registry.stationNames(Set.of(id));
				yield n.getOrDefault(id, k);
			}
			case SOURCE -> k;
		};
	}

	private String scopeLabel(Scope s) {
		List<String> parts = new ArrayList<>();
		if (s.townshipId() != null) {
			parts.add(registry.townshipNames(Set.of(s.townshipId())).getOrDefault(s.townshipId(), ""));
		}
		if (s.stationId() != null) {
			parts.add(registry.stationNames(Set.of(s.stationId())).getOrDefault(s.stationId(), ""));
		}
		if (s.deputyId() != null) {
			parts.add(registry.deputyNames(Set.of(s.deputyId())).getOrDefault(s.deputyId(), ""));
		}
		return String.join(" · ", parts);
	}

	/** The scope pickers the viewer may use, with the scope in use selected. */
	private void pickers(CurrentUser me, Scope scope, Model model) {
		boolean county = me.isCountyAdmin();
		boolean deputy = me.is(Role.DEPUTY);
		Long township = county ? scope.townshipId() : me.townshipId();
		model.addAttribute("canPickTownship", county);
		model.addAttribute("canPickStation", !deputy);
		model.addAttribute("townships", county ? registry.activeTownships() : List.of());
		model.addAttribute("fixedTownship", !county && me.townshipId() != null
				? registry.townshipNames(Set.of(me.townshipId())).getOrDefault(me.townshipId(), "") : null);
		model.addAttribute("stations", deputy ? List.of() : registry.stationsOf(township));
		Map<Long, String> deputies = new LinkedHashMap<>();
		if (!deputy) {
			Set<Long> ids = registry.stationsOfDeputies(township, scope.stationId()).keySet();
			registry.deputyNames(ids)
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue())
				.forEach(e -> deputies.put(e.getKey(), e.getValue()));
		}
		model.addAttribute("deputies", deputies);
		model.addAttribute("selfName", deputy ? scopeLabel(scope) : null);
	}

	private void periodModel(Period p, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		model.addAttribute("from", p.from());
		model.addAttribute("to", p.to());
		model.addAttribute("thisYear", today.getYear());
		model.addAttribute("lastYear", today.getYear() - 1);
		model.addAttribute("quickActive", quickOf(p, today));
	}

	private static @Nullable String quickOf(Period p, LocalDate today) {
		if (p.from() == null && p.to() == null) {
			return "all";
		}
		if (p.equals(Period.year(today.getYear()))) {
			return "thisYear";
		}
		if (p.equals(Period.year(today.getYear() - 1))) {
			return "lastYear";
		}
		YearMonth m = YearMonth.from(today);
		if (p.equals(new Period(m.atDay(1), m.atEndOfMonth()))) {
			return "thisMonth";
		}
		return null;
	}

	/** The period asked for: a quick pick, else from/to; nothing at all: this year. */
	Period period(@Nullable String from, @Nullable String to, @Nullable String quick) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		String q = blank(quick);
		if (q != null) {
			return switch (q) {
				case "thisYear" -> Period.year(today.getYear());
				case "lastYear" -> Period.year(today.getYear() - 1);
				case "thisMonth" -> new Period(YearMonth.from(today).atDay(1), YearMonth.from(today).atEndOfMonth());
				case "all" -> Period.allTime();
				default -> throw new InvalidInputException("quick", "statistics.web.error.quick");
			};
		}
		LocalDate f = date("from", from);
		LocalDate t = date("to", to);
		if (f == null && t == null && from == null && to == null) {
			return Period.year(today.getYear());
		}
		return new Period(f, t);
	}

	private static @Nullable LocalDate date(String field, @Nullable String s) {
		String v = blank(s);
		if (v == null) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (d.getYear() < 1900 || d.getYear() > 9999) {
				throw new InvalidInputException(field, "statistics.web.error.date");
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "statistics.web.error.date");
		}
	}

	private static @Nullable Long id(String field, @Nullable String s) {
		String v = blank(s);
		if (v == null) {
			return null;
		}
		try {
			long id = Long.parseLong(v);
			if (id < 1) {
				throw new InvalidInputException(field, "statistics.web.error.id");
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "statistics.web.error.id");
		}
	}

	private static Drill drill(@Nullable String figure, @Nullable String dimension, @Nullable String key,
			@Nullable String month, Figure fallback) {
		Figure f = blank(figure) == null ? fallback : parseEnum(Figure.class, "figure", figure);
		Dimension dim = blank(dimension) == null ? null : parseEnum(Dimension.class, "dimension", dimension);
		String k = key == null ? "" : key.strip();
		if (dim == null && !k.isEmpty()) {
			throw new InvalidInputException("key", "statistics.web.error.key");
		}
		if (dim != null && dim != Dimension.CATEGORY && dim != Dimension.SOURCE && !k.isEmpty()
				&& parseKey(k) == null) {
			throw new InvalidInputException("key", "statistics.web.error.key");
		}
		YearMonth m = null;
		String mo = blank(month);
		if (mo != null) {
			try {
				m = YearMonth.parse(mo);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("month", "statistics.web.error.month");
			}
		}
		if (m != null && (f.ordinal() > Figure.CONVERTED.ordinal() || dim != null)) {
			throw new InvalidInputException("month", "statistics.web.error.month");
		}
		return new Drill(f, dim, dim == null ? null : k, m);
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, @Nullable String s) {
		try {
			return Enum.valueOf(type, String.valueOf(s).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "statistics.web.error." + field);
		}
	}

	private static @Nullable Long parseKey(String k) {
		try {
			long id = Long.parseLong(k);
			return id < 1 ? null : id;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Set<Long> longKeys(List<BreakdownRow> rows) {
		Set<Long> ids = new LinkedHashSet<>();
		for (BreakdownRow r : rows) {
			Long id = parseKey(r.key());
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	private Map<String, String> categoryNames(List<BreakdownRow> rows) {
		Set<String> codes = new LinkedHashSet<>();
		rows.forEach(r -> codes.add(r.key()));
		return names(codes);
	}

	/** Category names in the page's language (the code for an unknown one). */
	private Map<String, String> names(Set<String> codes) {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> m = new LinkedHashMap<>();
		for (String c : codes) {
			if (c.isEmpty()) {
				continue;
			}
			m.put(c, registry.category(c).map((Category x) -> en ? x.nameEn() : x.nameZh()).orElse(c));
		}
		return m;
	}

	/** The links of the page: the drill-downs with the period and scope in use. */
	static final class Links {

		private final Period period;

		private final Scope scope;

		Links(Period period, Scope scope) {
			this.period = period;
			this.scope = scope;
		}

		public String drill(Figure figure, @Nullable Dimension dimension, @Nullable String key,
				@Nullable YearMonth month) {
			return drill(figure, dimension, key, month, null);
		}

		public String drill(Figure figure, @Nullable Dimension dimension, @Nullable String key,
				@Nullable YearMonth month, @Nullable String cursor) {
			UriComponentsBuilder b = base(figure.isActivity() ? "/statistics/activities" : "/statistics/opinions");
			b.queryParam("figure", figure.name());
			if (dimension != null) {
				b.queryParam("dimension", dimension.name());
				b.queryParam("key", key == null ? "" : key);
			}
			if (month != null) {
				b.queryParam("month", month.toString());
			}
			if (cursor != null) {
				b.queryParam("cursor", cursor);
			}
			return b.encode().build().toUriString();
		}

		/** A figure of the whole period and scope, by name ({@code RESOLVED}). */
		public String figure(String figure) {
			return drill(Figure.valueOf(figure), null, null, null);
		}

		public String month(String figure, YearMonth month) {
			return drill(Figure.valueOf(figure), null, null, month);
		}

		public String row(String figure, String dimension, String key) {
			return drill(Figure.valueOf(figure), Dimension.valueOf(dimension), key, null);
		}

		/** Back to the dashboard with the same period and scope. */
		public String dashboard() {
			return base("/statistics").encode().build().toUriString();
		}

		private UriComponentsBuilder base(String path) {
			UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
			if (period.from() == null && period.to() == null) {
				// all time, which no dates would not say (they mean this year)
				b.queryParam("quick", "all");
			}
			if (period.from() != null) {
				b.queryParam("from", period.from().toString());
			}
			if (period.to() != null) {
				b.queryParam("to", period.to().toString());
			}
			if (scope.townshipId() != null) {
				b.queryParam("townshipId", scope.townshipId());
			}
			if (scope.stationId() != null) {
				b.queryParam("stationId", scope.stationId());
			}
			if (scope.deputyId() != null) {
				b.queryParam("deputyId", scope.deputyId());
			}
			return b;
		}

	}

}
