package cn.deputylink.proposal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.proposal.internal.ProposalCase;
import cn.deputylink.proposal.internal.ProposalSteps;
import cn.deputylink.proposal.internal.ProposalReads;
import cn.deputylink.proposal.internal.TextScrubber;
import cn.deputylink.shared.NotFoundException;

/**
 * Reading proposals as users see them (county: all; township admin: its township's
 * deputies'; deputy: those it leads or co-signs; department handler: those assigned to
 * its unit, lead or co; liaison: none — 403 on every call, the list included), and the
 * public list.
 */
@Service
public class ProposalQueries {

	private final ProposalSteps steps;

	private final ProposalReads store;

	private final RegistryLookup registry;

	ProposalQueries(ProposalSteps steps, ProposalReads store, RegistryLookup registry) {
		this.steps = steps;
		this.store = store;
		this.registry = registry;
	}

	/** Today in the county's time zone. */
	public LocalDate today() {
		return steps.today();
	}

	@Transactional(readOnly = true)
	public Proposal get(long id, CurrentUser u) {
		ProposalSteps.requireProposalRole(u);
		return steps.visible(id, u).state();
	}

	@Transactional(readOnly = true)
	public ProposalDetail detail(long id, CurrentUser u) {
		ProposalSteps.requireProposalRole(u);
		ProposalCase c = steps.visible(id, u);
		return new ProposalDetail(c.state(), c.units(), store.timeline(id), store.attachments(id), c.allowedSteps(u),
				overdue(c.state(), today()));
	}

	/**
	 * Overdue: assigned and the reply due before today, or a recess proposal not yet
	 * assigned past its assignment date.
	 */
	public static boolean overdue(Proposal p, LocalDate today) {
		if (p.status() == ProposalStatus.ASSIGNED) {
			return p.replyDue() != null && p.replyDue().isBefore(today);
		}
		return (p.status() == ProposalStatus.SUBMITTED || p.status() == ProposalStatus.REGISTERED)
				&& p.assignBy() != null && p.assignBy().isBefore(today);
	}

	/** Newest first; {@code beforeId} for keyset paging (0: from the newest). */
	@Transactional(readOnly = true)
	public List<Proposal> list(ProposalFilter f, CurrentUser u, long beforeId, int limit, int offset) {
		Map<String, Object> params = new HashMap<>();
		String where = where(f, u, params);
		if (beforeId > 0) {
			where += " and p.id < :beforeId";
			params.put("beforeId", beforeId);
		}
		return store.list(where, params, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(ProposalFilter f, CurrentUser u) {
		Map<String, Object> params = new HashMap<>();
		return store.count(where(f, u, params), params);
	}

	private String where(ProposalFilter f, CurrentUser u, Map<String, Object> params) {
		List<String> and = new ArrayList<>();
		and.add(steps.scopeWhere(u, params));
		if (f.status() != null) {
			and.add("p.status = :status");
			params.put("status", f.status().name());
		}
		if (f.year() != null) {
			and.add("coalesce(p.reg_year, extract(year from p.created_at)) = :year");
			params.put("year", f.year());
		}
		if (f.deputyId() != null) {
			and.add("p.lead_deputy_id = :deputy");
			params.put("deputy", f.deputyId());
		}
		if (f.departmentId() != null) {
			and.add("exists (select 1 from proposal_unit fu where fu.proposal_id = p.id and fu.department_id = :dept)");
			params.put("dept", f.departmentId());
		}
		if (f.overdue()) {
			and.add("((p.status = 'ASSIGNED' and p.reply_due < :today) or (p.status in ('SUBMITTED', 'REGISTERED') "
					+ "and p.assign_by is not null and p.assign_by < :today))");
			params.put("today", today());
		}
		if (f.keySupervised()) {
			and.add("p.key_supervised = true");
		}
		String q = blankToNull(f.q());
		if (q != null) {
			and.add("(lower(p.title) like :q or lower(p.content) like :q)");
			params.put("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		return String.join(" and ", and);
	}

	@Transactional(readOnly = true)
	public ProposalAttachment attachment(long id, long attachmentId, CurrentUser u) {
		ProposalSteps.requireProposalRole(u);
		steps.visible(id, u);
		return store.attachment(id, attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
	}

	@Transactional(readOnly = true)
	public byte[] attachmentData(ProposalAttachment a) {
		return store.attachmentData(a.id());
	}

	/** Replied proposals whose deputies agreed to publish them, newest reply first. */
	@Transactional(readOnly = true)
	public List<PublicProposal> publicList(int limit, int offset) {
		List<Proposal> rows = store.list(PUBLIC, Map.of(), "p.replied_at desc, p.id desc", limit, offset);
		return rows.stream().map(this::publicOf).toList();
	}

	private static final String PUBLIC = "p.status in ('REPLIED', 'EVALUATED', 'CLOSED') and p.public_consent = true";

	@Transactional(readOnly = true)
	public Optional<PublicProposal> publicOne(long id) {
		return store.list(PUBLIC + " and p.id = :id", Map.of("id", id), 1, 0).stream().findFirst().map(this::publicOf);
	}

	private PublicProposal publicOf(Proposal p) {
		List<Long> deputies = new ArrayList<>();
		deputies.add(p.leadDeputyId());
		deputies.addAll(p.confirmedCoSignerIds());
		Map<Long, String> names = registry.deputyNames(deputies);
		List<Long> units = new ArrayList<>();
		units.add(Objects.requireNonNull(p.leadDepartmentId()));
		units.addAll(p.coDepartmentIds());
		Map<Long, String> unitNames = registry.departmentNames(units);
		String rc = Objects.requireNonNull(p.resultClass());
		String label = store.resultClasses()
			.stream()
			.filter(c -> c.code().equals(rc))
			.map(ResultClass::label)
			.findFirst()
			.orElse(rc);
		return new PublicProposal(p.id(), Objects.requireNonNull(p.number()), TextScrubber.scrub(p.title()),
				TextScrubber.scrub(p.content()), deputies.stream().map(d -> names.getOrDefault(d, "")).toList(),
				unitNames.getOrDefault(p.leadDepartmentId(), ""),
				p.coDepartmentIds().stream().map(d -> unitNames.getOrDefault(d, "")).toList(),
				TextScrubber.scrub(Objects.requireNonNull(p.reply())), rc, label, Objects.requireNonNull(p.repliedAt()),
				p.status() == ProposalStatus.REPLIED ? null : p.evaluation());
	}

	/** The steps a user may take on a proposal it sees (what its page offers). */
	@Transactional(readOnly = true)
	public Set<ProposalStep> allowedSteps(long id, CurrentUser u) {
		return detail(id, u).allowedSteps();
	}

}
