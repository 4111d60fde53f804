package cn.deputylink.performance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityRecords;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionRecords;
import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.ProposalRecords;

/**
 * Gathers deputies' facts of a date range (within one year) from the other modules'
 * facades: activities, opinions and proposals of all the deputies at once, the duty
 * record deputy by deputy (in the caller's scope, checked before).
 */
@Component
public class FactsReader {

	private final ActivityRecords activities;

	private final DutyQueries duty;

	private final OpinionRecords opinions;

	private final ProposalRecords proposals;

	FactsReader(ActivityRecords activities, DutyQueries duty, OpinionRecords opinions, ProposalRecords proposals) {
		this.activities = activities;
		this.duty = duty;
		this.opinions = opinions;
		this.proposals = proposals;
	}

	/** The county's date today. */
	public LocalDate today() {
		return duty.today();
	}

	/** Facts of each deputy (in the order given) dated in [from, to], one year. */
	public Map<Long, DeputyFacts> read(Collection<Long> deputyIds, LocalDate from, LocalDate to, CurrentUser u) {
		Map<Long, List<Activity>> acts = new LinkedHashMap<>();
		Map<Long, List<OpinionFact>> ops = new LinkedHashMap<>();
		Map<Long, List<DeputyProposal>> props = new LinkedHashMap<>();
		for (Long id : deputyIds) {
			acts.put(id, new ArrayList<>());
			ops.put(id, new ArrayList<>());
			props.put(id, new ArrayList<>());
		}
		if (deputyIds.isEmpty()) {
			return Map.of();
		}
		for (Activity a : activities.countingOf(deputyIds, from, to)) {
			for (Long d : a.deputyIds()) {
				List<Activity> l = acts.get(d);
				if (l != null) {
					l.add(a);
				}
			}
		}
		for (OpinionFact o : opinions.receivedBy(deputyIds, from, to)) {
			for (Long d : o.deputyIds()) {
				List<OpinionFact> l = ops.get(d);
				if (l != null) {
					l.add(o);
				}
			}
		}
		for (DeputyProposal p : proposals.ofDeputies(deputyIds, from, to)) {
			List<DeputyProposal> l = props.get(p.deputyId());
			if (l != null) {
				l.add(p);
			}
		}
		Map<Long, DeputyFacts> out = new LinkedHashMap<>();
		for (Long id : deputyIds) {
			List<DeputyDutyDay> record = duty.record(id, from.getYear(), u)
				.stream()
				.filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
				.toList();
			out.put(id, new DeputyFacts(id, List.copyOf(acts.getOrDefault(id, List.of())), record,
					List.copyOf(ops.getOrDefault(id, List.of())), List.copyOf(props.getOrDefault(id, List.of()))));
		}
		return out;
	}

}
