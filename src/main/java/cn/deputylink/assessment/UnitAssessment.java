package cn.deputylink.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.assessment.internal.FormulaRules;
import cn.deputylink.assessment.internal.FormulaStore;
import cn.deputylink.assessment.internal.UnitScores;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionRecords;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.proposal.ProposalRecords;
import cn.deputylink.proposal.UnitHandling;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * The evaluation of handling units: the formula (read by county admins and department
 * handlers, changed by county admins) and a year's table — the whole table for a county
 * admin, its own unit's row for a department handler; every other role 403. A year is the
 * county's calendar year of the assignments (proposals assigned and opinions assigned in
 * it); "open past due" is as of today in the county's zone.
 */
@Service
public class UnitAssessment {

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private final FormulaStore formulas;

	private final ProposalRecords proposals;

	private final OpinionRecords opinions;

	private final RegistryLookup registry;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	UnitAssessment(FormulaStore formulas, ProposalRecords proposals, OpinionRecords opinions, RegistryLookup registry,
			AuditLog audit, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.formulas = formulas;
		this.proposals = proposals;
		this.opinions = opinions;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional(readOnly = true)
	public AssessmentFormula formula(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.DEPARTMENT_HANDLER);
		return formulas.load();
	}

	/** County admin: 400 on bad values, 409 when changed since {@code version}. */
	@Transactional
	public AssessmentFormula updateFormula(FormulaInput input, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		AssessmentFormula f = FormulaRules.check(input);
		formulas.save(f, u.getUsername(), OffsetDateTime.now(clock));
		audit.recordForCurrentUser("assessment.formula.update", "assessment/formula", f.toString());
		return formulas.load();
	}

	/** The year (default: the current one) checked: 400 outside 2000–2100. */
	public int year(@Nullable Integer year) {
		if (year == null) {
			return today().getYear();
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new InvalidInputException("year", "assessment.year.range", MIN_YEAR, MAX_YEAR);
		}
		return year;
	}

	@Transactional(readOnly = true)
	public UnitTable units(@Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.DEPARTMENT_HANDLER);
		Data d = data(year(year));
		List<UnitScore> rows = d.scores().table(d.handlings(), d.opinions(), d.units());
		if (!u.isCountyAdmin()) {
			Long own = u.departmentId();
			rows = rows.stream().filter(r -> own != null && r.departmentId() == own).toList();
		}
		return new UnitTable(d.year(), d.today(), d.formula(), rows);
	}

	/**
	 * One unit's row and items: a county admin any unit, a department handler its own
	 * (403 for another); 404 for a unit the registry does not know.
	 */
	@Transactional(readOnly = true)
	public UnitBreakdown unit(long departmentId, @Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.DEPARTMENT_HANDLER);
		if (!u.isCountyAdmin() && (u.departmentId() == null || u.departmentId() != departmentId)) {
			throw new AccessDeniedException("not the user's department");
		}
		Department dep = registry.department(departmentId)
			.orElseThrow(() -> new NotFoundException("department", departmentId));
		Data d = data(year(year));
		UnitScore row = d.scores()
			.table(d.handlings(), d.opinions(), d.units())
			.stream()
			.filter(r -> r.departmentId() == departmentId)
			.findFirst()
			.orElseGet(() -> empty(dep));
		return new UnitBreakdown(d.year(), d.today(), d.formula(), row,
				d.scores().proposalItems(d.handlings(), departmentId),
				d.scores().opinionItems(d.opinions(), departmentId));
	}

	/** The row of a unit with nothing assigned in the year: no score. */
	private static UnitScore empty(Department dep) {
		return new UnitScore(dep.id(), dep.name(), dep.tier().name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, null, null, null, null, null, null, null, null, null, List.of());
	}

	private record Data(int year, LocalDate today, AssessmentFormula formula, UnitScores scores,
			List<UnitHandling> handlings, List<OpinionFact> opinions, Map<Long, UnitScores.Unit> units) {
	}

	private Data data(int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		AssessmentFormula formula = formulas.load();
		LocalDate today = today();
		List<UnitHandling> handlings = proposals.handlings(from, to);
		List<OpinionFact> facts = opinions.assignedIn(from, to);
		Set<Long> ids = new HashSet<>();
		handlings.forEach(h -> ids.add(h.departmentId()));
		facts.forEach(o -> {
			if (o.departmentId() != null) {
				ids.add(o.departmentId());
			}
		});
		Map<Long, UnitScores.Unit> units = new HashMap<>();
		for (long id : ids) {
			registry.department(id).ifPresent(dep -> units.put(id, new UnitScores.Unit(dep.name(), dep.tier().name())));
		}
		return new Data(year, today, formula, new UnitScores(formula, zone, today), handlings, facts, units);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
