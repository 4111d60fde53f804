package cn.deputylink.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.performance.DeputyPoints.PublishedScore;
import cn.deputylink.performance.DeputyPoints.QuarterScore;
import cn.deputylink.performance.internal.DeputyFacts;
import cn.deputylink.performance.internal.FactsReader;
import cn.deputylink.performance.internal.PerformanceScope;
import cn.deputylink.performance.internal.PointsCalculator;
import cn.deputylink.performance.internal.PointsCalculator.Scored;
import cn.deputylink.performance.internal.PointsCalculator.Tally;
import cn.deputylink.performance.internal.PointsStore;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Deputies' points: a township's table of the year up to the end of a quarter (live, and
 * the published snapshot if any), its publication, a deputy's published scores and ranks.
 * A township admin works on its own township whatever it asks; the county admin on any
 * (the township is required); deputies see only their own published lines; liaison
 * officers and department handlers nothing (403). A quarter is published once per
 * township: a second publication is refused (409), so a published table never changes.
 */
@Service
public class Points {

	private final PerformanceScope scope;

	private final FactsReader reader;

	private final PointsStore store;

	private final RegistryLookup registry;

	private final AuditLog audit;

	private final Clock clock;

	Points(PerformanceScope scope, FactsReader reader, PointsStore store, RegistryLookup registry, AuditLog audit,
			Clock clock) {
		this.scope = scope;
		this.reader = reader;
		this.store = store;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current quarter of the county (1–4). */
	public int currentQuarter() {
		return (reader.today().getMonthValue() - 1) / 3 + 1;
	}

	/** The current year of the county. */
	public int currentYear() {
		return reader.today().getYear();
	}

	@Transactional(readOnly = true)
	public PointsTable table(@Nullable Integer year, @Nullable Integer quarter, @Nullable Long townshipId,
			CurrentUser u) {
		long t = scope.township(townshipId, u);
		int y = scope.year(year, currentYear());
		int q = quarter(quarter, y == currentYear() ? currentQuarter() : 4);
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = endOf(y, q);
		return new PointsTable(y, q, t, townshipName(t), from, to, live(t, from, to, u),
				store.publication(y, q, t).orElse(null));
	}

	@Transactional
	public Publication publish(@Nullable Integer year, @Nullable Integer quarter, @Nullable Long townshipId,
			CurrentUser u) {
		long t = scope.township(townshipId, u);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (year == null) {
			errors.add(new InvalidInputException.FieldError("year", "performance.error.required"));
		}
		if (quarter == null) {
			errors.add(new InvalidInputException.FieldError("quarter", "performance.error.required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int y = scope.year(year, currentYear());
		int q = quarter(quarter, 1);
		LocalDate from = LocalDate.of(y, 1, 1);
		if (LocalDate.of(y, (q - 1) * 3 + 1, 1).isAfter(reader.today())) {
			throw new InvalidInputException("quarter", "performance.error.future");
		}
		if (store.publication(y, q, t).isPresent()) {
			throw new ConflictException("performance.error.published", y, q);
		}
		List<PointsRow> rows = live(t, from, endOf(y, q), u);
		OffsetDateTime now = OffsetDateTime.now(clock);
		try {
			store.publish(y, q, t, now, u.id(), PointsStore.text(store.scheme()), rows);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("performance.error.published", y, q);
		}
		audit.record(u.getUsername(), "POINTS_PUBLISH", "points/" + y + "/" + q + "/township/" + t, "SUCCESS",
				rows.size() + " deputies", null);
		return store.publication(y, q, t).orElseThrow();
	}

	@Transactional(readOnly = true)
	public DeputyPoints ofDeputy(long deputyId, @Nullable Integer year, CurrentUser u) {
		scope.requireDeputy(deputyId, u);
		int y = scope.year(year, currentYear());
		List<PublishedScore> published = new ArrayList<>();
		for (PointsStore.DeputyLine l : store.ofDeputy(deputyId, y)) {
			if (u.is(Role.TOWNSHIP_ADMIN) && (u.townshipId() == null || u.townshipId() != l.townshipId())) {
				continue;
			}
			published.add(new PublishedScore(l.quarter(), l.townshipId(), townshipName(l.townshipId()), l.row().score(),
					l.row().rank(), l.of(), l.publishedAt()));
		}
		List<QuarterScore> live = null;
		if (!u.is(Role.DEPUTY)) {
			live = new ArrayList<>();
			int last = y < currentYear() ? 4 : y > currentYear() ? 0 : currentQuarter();
			var scheme = store.scheme();
			for (int q = 1; q <= last; q++) {
				DeputyFacts f = reader.read(List.of(deputyId), LocalDate.of(y, 1, 1), endOf(y, q), u).get(deputyId);
				live.add(
						new QuarterScore(q, f == null ? 0 : PointsCalculator.score(PointsCalculator.tally(f), scheme)));
			}
		}
		String name = registry.deputyNames(List.of(deputyId)).getOrDefault(deputyId, "#" + deputyId);
		return new DeputyPoints(deputyId, name, y, List.copyOf(published), live == null ? null : List.copyOf(live));
	}

	private List<PointsRow> live(long townshipId, LocalDate from, LocalDate to, CurrentUser u) {
		Set<Long> ids = new LinkedHashSet<>(registry.stationsOfDeputies(townshipId, null).keySet());
		Map<Long, DeputyFacts> facts = reader.read(ids, from, to, u);
		Map<Long, String> names = registry.deputyNames(ids);
		var scheme = store.scheme();
		List<Scored> scored = new ArrayList<>();
		List<PointsRow> rows = new ArrayList<>();
		for (DeputyFacts f : facts.values()) {
			Tally tally = PointsCalculator.tally(f);
			int score = PointsCalculator.score(tally, scheme);
			scored.add(new Scored(f.deputyId(), score));
			rows.add(new PointsRow(f.deputyId(), names.getOrDefault(f.deputyId(), "#" + f.deputyId()), score, 0,
					tally.activityCount(), tally.dutyAttended(), tally.dutyAbsent(), tally.proposalsLed(),
					tally.proposalsCoSigned(), tally.opinionsReceived()));
		}
		Map<Long, Integer> ranks = PointsCalculator.ranks(scored);
		return rows.stream()
			.map(r -> new PointsRow(r.deputyId(), r.deputyName(), r.score(), ranks.getOrDefault(r.deputyId(), 0),
					r.activities(), r.dutyAttended(), r.dutyAbsent(), r.proposalsLed(), r.proposalsCoSigned(),
					r.opinionsReceived()))
			.sorted(Comparator.comparingInt(PointsRow::rank).thenComparingLong(PointsRow::deputyId))
			.toList();
	}

	private String townshipName(long id) {
		return registry.township(id).map(t -> t.name()).orElseThrow(() -> new NotFoundException("township", id));
	}

	private static int quarter(@Nullable Integer quarter, int dflt) {
		int q = quarter == null ? dflt : quarter;
		if (q < 1 || q > 4) {
			throw new InvalidInputException("quarter", "performance.error.quarter");
		}
		return q;
	}

	static LocalDate endOf(int year, int quarter) {
		return LocalDate.of(year, quarter * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
	}

}
