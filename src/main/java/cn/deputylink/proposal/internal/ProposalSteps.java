package cn.deputylink.proposal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.shared.NotFoundException;

/**
 * What every step does around the proposal aggregate: the clock and the deadlines
 * ({@link ProposalCase.Terms}); load a proposal (404) and check the user may see it
 * (403); what the registry and the opinion module say of a draft; save a change (409 when
 * someone changed the proposal meanwhile), audit it and publish its event in the caller's
 * transaction.
 */
@Component
public class ProposalSteps implements ProposalCase.Terms {

	/** The language of notices and stored timeline notes. */
	public static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final Proposals store;

	private final RegistryLookup registry;

	private final OpinionQueries opinions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final ProposalDeadlines deadlines;

	ProposalSteps(Proposals store, RegistryLookup registry, OpinionQueries opinions, ApplicationEventPublisher events,
			AuditLog audit, Clock clock, WorkingCalendar calendar, ProposalSettings settings,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.store = store;
		this.registry = registry;
		this.opinions = opinions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
		this.deadlines = new ProposalDeadlines(calendar, settings);
	}

	// ------------------------------------------------------------------ time

	private final ThreadLocal<@Nullable Clock> other = new ThreadLocal<>();

	/**
	 * Runs {@code steps} at {@code at}'s time on this thread (the demo's history, and
	 * tests of another year's numbering).
	 */
	public <T> T at(Clock at, Supplier<T> steps) {
		Clock before = other.get();
		other.set(at);
		try {
			return steps.get();
		}
		finally {
			other.set(before);
		}
	}

	private Clock clock() {
		Clock c = other.get();
		return (c == null ? clock : c).withZone(zone);
	}

	@Override
	public OffsetDateTime now() {
		return OffsetDateTime.now(clock()).truncatedTo(ChronoUnit.MICROS);
	}

	public LocalDate today() {
		return LocalDate.now(clock());
	}

	public ZoneId zone() {
		return zone;
	}

	@Override
	public LocalDate assignBy(LocalDate submitted) {
		return deadlines.assignBy(submitted);
	}

	@Override
	public LocalDate replyDue(LocalDate assigned) {
		return deadlines.replyDue(assigned);
	}

	@Override
	public LocalDate extendedReplyDue(LocalDate assigned) {
		return deadlines.extendedReplyDue(assigned);
	}

	@Override
	public LocalDate rehandleDue(LocalDate evaluated) {
		return deadlines.rehandleDue(evaluated);
	}

	// ------------------------------------------------------------------ scope

	public ProposalCase load(long id) {
		return store.findCase(id).orElseThrow(() -> new NotFoundException("proposal", id));
	}

	/** The proposal (404) if the user may see it (403). */
	public ProposalCase visible(long id, CurrentUser u) {
		ProposalCase c = load(id);
		if (!canSee(c.state(), c.units(), u)) {
			throw new AccessDeniedException("proposal scope");
		}
		return c;
	}

	/** Liaison officers have no part in proposals: 403 on every call, lists included. */
	public static void requireProposalRole(CurrentUser u) {
		if (u.is(Role.STATION_LIAISON)) {
			throw new AccessDeniedException("proposal scope");
		}
	}

	public boolean canSee(Proposal p, List<HandlingUnit> units, CurrentUser u) {
		return switch (u.role()) {
			case COUNTY_ADMIN -> true;
			case TOWNSHIP_ADMIN ->
				u.townshipId() != null && townshipDeputies(u.townshipId()).contains(p.leadDeputyId());
			case DEPUTY -> u.deputyId() != null && (p.leadDeputyId() == u.deputyId()
					|| p.coSigners().stream().anyMatch(c -> c.deputyId() == u.deputyId()));
			case DEPARTMENT_HANDLER ->
				u.departmentId() != null && units.stream().anyMatch(h -> h.departmentId() == u.departmentId());
			case STATION_LIAISON -> false;
		};
	}

	private Set<Long> townshipDeputies(long townshipId) {
		return registry.stationsOfDeputies(townshipId, null).keySet();
	}

	/**
	 * The SQL condition (over {@code proposal p}) of what the user may see, its
	 * parameters added to {@code params}.
	 */
	public String scopeWhere(CurrentUser u, Map<String, Object> params) {
		requireProposalRole(u);
		return switch (u.role()) {
			case COUNTY_ADMIN -> "1 = 1";
			case TOWNSHIP_ADMIN -> {
				Set<Long> deputies = u.townshipId() == null ? Set.of() : townshipDeputies(u.townshipId());
				if (deputies.isEmpty()) {
					yield "1 = 0";
				}
				params.put("scopeDeputies", List.copyOf(deputies));
				yield "p.lead_deputy_id in (:scopeDeputies)";
			}
			case DEPUTY -> {
				params.put("scopeDeputy", u.deputyId() == null ? -1L : u.deputyId());
				yield "(p.lead_deputy_id = :scopeDeputy or exists (select 1 from proposal_co_signer cs "
						+ "where cs.proposal_id = p.id and cs.deputy_id = :scopeDeputy))";
			}
			case DEPARTMENT_HANDLER -> {
				params.put("scopeDepartment", u.departmentId() == null ? -1L : u.departmentId());
				yield "exists (select 1 from proposal_unit su where su.proposal_id = p.id "
						+ "and su.department_id = :scopeDepartment)";
			}
			case STATION_LIAISON -> "1 = 0";
		};
	}

	// ------------------------------------------------------------------ the registry and
	// opinions

	/** What a draft of this user may name: active deputies, opinions it may see. */
	public ProposalCase.DraftChecks draftChecks(CurrentUser u) {
		Map<Long, Boolean> deputies = new HashMap<>();
		return new ProposalCase.DraftChecks() {
			@Override
			public boolean activeDeputy(long deputyId) {
				return deputies.computeIfAbsent(deputyId, registry::deputyActive);
			}

			@Override
			public @Nullable String opinionError(long opinionId) {
				Opinion o;
				try {
					o = opinions.get(opinionId, u);
				}
				catch (NotFoundException | AccessDeniedException ex) {
					return "proposal.opinion.unknown";
				}
				if (o.status() == OpinionStatus.SUBMITTED || o.status() == OpinionStatus.MERGED) {
					return "proposal.opinion.status";
				}
				return null;
			}
		};
	}

	public boolean activeDepartment(long id) {
		return registry.department(id).map(Department::active).orElse(false);
	}

	public String deputyName(long id) {
		return registry.deputyNames(List.of(id)).getOrDefault(id, "#" + id);
	}

	// ------------------------------------------------------------------ saving

	/** Saves a new draft, its timeline line and event; returns it as saved. */
	public Proposal insert(ProposalCase fresh, CurrentUser u, @Nullable String note) {
		long id = store.insert(fresh);
		ProposalCase.Change change = fresh.drafted(id, u, now(), note);
		store.insertLine(id, change.line());
		after(change, u);
		return store.find(id).orElseThrow();
	}

	/**
	 * Saves a step at the version read (409 when changed meanwhile), audits it and
	 * publishes its event; returns the proposal as saved.
	 */
	public Proposal save(ProposalCase.Change change, CurrentUser u) {
		store.save(change);
		after(change, u);
		return store.find(change.proposal().id()).orElseThrow();
	}

	/** Saves a step that changes only the timeline (a file added) and audits it. */
	public void saveLine(ProposalCase.Change change, CurrentUser u) {
		store.insertLine(change.proposal().id(), change.line());
		after(change, u);
	}

	private void after(ProposalCase.Change change, CurrentUser u) {
		ProposalCase.Line l = change.line();
		ProposalStatus from = l.from();
		audit.record(u.getUsername(), "proposal." + l.action().name().toLowerCase(Locale.ROOT),
				"proposal:" + change.proposal().id(), "SUCCESS", (from == null ? "" : from + "→") + l.to(), null);
		if (change.event() != null) {
			events.publishEvent(change.event());
		}
	}

}
