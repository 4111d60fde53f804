package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityRecords;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalDrafting;
import cn.deputylink.proposal.ProposalRegistration;
import cn.deputylink.proposal.ProposalTime;

/**
 * The demo county's history before this year, generated so that its figures over all time
 * are exactly the seed bulletin's ({@link #ACTIVITIES} counting activities,
 * {@link #RECEIVED} constituents received, {@link #VISITED} households visited,
 * {@link #OPINIONS} opinions, {@link #RESOLVED} of them resolved, {@link #CONVERTED}
 * turned into proposals, as {@code docs/api.md} "Statistics" counts them): it reads what
 * the rest of the demo seeded (through the activity and opinion facades, and the number
 * of opinions the demo proposals were drafted from, since their links are made after the
 * commit) and adds the difference, through the same facades as real work, at past times.
 * The history lies in the two years before this one, so that this year's "三个一", the
 * queues and the deadlines stay as the rest of the demo made them; its opinions were
 * answered on the spot and closed, its activities involve no demo deputy, its proposals
 * are led by other deputies. Deterministic (a fixed seed).
 */
@Component
class DemoHistory {

	static final int ACTIVITIES = 2123;

	static final int RECEIVED = 3726;

	static final int VISITED = 4215;

	static final int OPINIONS = 963;

	static final int RESOLVED = 526;

	static final int CONVERTED = 57;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final ActivityType[] TYPES = { ActivityType.STUDY, ActivityType.GROUP_ACTIVITY,
			ActivityType.INSPECTION, ActivityType.PRACTICAL_DEED, ActivityType.POVERTY_AID, ActivityType.GROUP_ACTIVITY,
			ActivityType.POVERTY_AID, ActivityType.INSPECTION };

	private static final Map<ActivityType, String[]> TITLES = Map.of(ActivityType.STUDY,
			new String[] { "学习宪法和代表法", "学习县人代会精神", "参加代表履职培训" }, ActivityType.GROUP_ACTIVITY,
			new String[] { "代表小组集中活动", "代表小组议事会", "代表小组听取群众意见" }, ActivityType.INSPECTION,
			new String[] { "视察农村公路建设", "调研养老服务中心", "视察村卫生室" }, ActivityType.PRACTICAL_DEED,
			new String[] { "帮助修复灌溉水渠", "为村小学捐赠图书", "协调修通组级公路" }, ActivityType.POVERTY_AID,
			new String[] { "走访帮扶困难家庭", "走访慰问留守老人", "入户了解困难群众生活" });

	private static final String[] REPLIES = { "值班代表现场答复，相关问题已协调解决。", "经村委会当场协调，问题已解决，群众表示满意。", "已联系有关站所现场处理，问题得到解决。" };

	private static final String[] EXPLANATIONS = { "值班代表现场解释了相关政策，群众表示理解。", "已向群众说明办理程序和所需材料。" };

	private final DemoDesk desks;

	private final OpinionQueries opinions;

	private final ActivityRecording recording;

	private final ActivityRecords activityRecords;

	private final RegistryLookup registry;

	private final ProposalDrafting drafting;

	private final ProposalRegistration registration;

	private final ProposalTime proposalTime;

	/**
	 * The bulletin's figures times this ({@code deputylink.demo.history-scale}, default
	 * 1): {@code bench/statistics.sh} starts a county with ten times its history.
	 */
	private final int scale;

	DemoHistory(DemoDesk desks, OpinionQueries opinions, ActivityRecording recording, ActivityRecords activityRecords,
			RegistryLookup registry, ProposalDrafting drafting, ProposalRegistration registration,
			ProposalTime proposalTime, @Value("${deputylink.demo.history-scale:1}") int scale) {
		if (scale < 1 || scale > 1000) {
			throw new IllegalArgumentException("deputylink.demo.history-scale must be 1–1000: " + scale);
		}
		this.scale = scale;
		this.desks = desks;
		this.opinions = opinions;
		this.recording = recording;
		this.activityRecords = activityRecords;
		this.registry = registry;
		this.drafting = drafting;
		this.registration = registration;
		this.proposalTime = proposalTime;
	}

	/** What the history added. */
	record Added(int activities, int opinions, int proposals) {
	}

	/**
	 * Tops the demo up to the bulletin's figures: {@code linkedOpinions} opinions are
	 * named by the demo's submitted proposals already; {@code demoDeputy} takes no part
	 * in the history.
	 */
	Added seed(List<Long> stationIds, long demoDeputy, int linkedOpinions, CurrentUser county, LocalDate today) {
		Random random = new Random(2123);
		LocalDate last = LocalDate.of(today.getYear() - 1, 12, 31);
		LocalDate first = LocalDate.of(today.getYear() - 2, 1, 1);
		int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
		List<Long> stations = new ArrayList<>();
		Map<Long, List<Long>> deputiesOf = new TreeMap<>();
		Set<Long> allDeputies = new HashSet<>();
		for (long s : stationIds) {
			List<Long> ds = new ArrayList<>(registry.station(s).orElseThrow().deputyIds());
			allDeputies.addAll(ds);
			ds.remove(demoDeputy);
			if (!ds.isEmpty()) {
				stations.add(s);
				deputiesOf.put(s, ds);
			}
		}
		int activities = activities(random, stations, deputiesOf, allDeputies, first, span, county, today);
		List<Long> created = new ArrayList<>();
		int opinionCount = opinions(random, stations, first, span, county, created);
		int proposals = proposals(random, stations, deputiesOf, created, CONVERTED * scale - linkedOpinions, county);
		return new Added(activities, opinionCount, proposals);
	}

	// ------------------------------------------------------------------ activities

	private int activities(Random random, List<Long> stations, Map<Long, List<Long>> deputiesOf, Set<Long> allDeputies,
			LocalDate first, int span, CurrentUser county, LocalDate today) {
		List<Activity> counting = activityRecords.countingOf(allDeputies, today.minusYears(20), today);
		int n = ACTIVITIES * scale - counting.size();
		int received = RECEIVED * scale - counting.stream().mapToInt(Activity::constituentsReceived).sum();
		int visited = VISITED * scale - counting.stream().mapToInt(Activity::householdsVisited).sum();
		if (n < 0 || received < 0 || visited < 0) {
			throw new IllegalStateException(
					"the demo has more than the bulletin's figures already: " + counting.size() + " activities, "
							+ (RECEIVED * scale - received) + " received, " + (VISITED * scale - visited) + " visited");
		}
		ActivityType[] types = new ActivityType[n];
		List<Integer> receiving = new ArrayList<>();
		List<Integer> visiting = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			types[i] = TYPES[random.nextInt(TYPES.length)];
			if (types[i] == ActivityType.POVERTY_AID) {
				visiting.add(i);
			}
			else if (types[i] != ActivityType.STUDY) {
				receiving.add(i);
			}
		}
		int[] receivedOf = spread(random, received, receiving, n);
		int[] visitedOf = spread(random, visited, visiting, n);
		for (int i = 0; i < n; i++) {
			long station = stations.get(random.nextInt(stations.size()));
			List<Long> ds = Objects.requireNonNull(deputiesOf.get(station));
			List<Long> taking = some(random, ds, 1 + random.nextInt(Math.min(3, ds.size())));
			String[] titles = Objects.requireNonNull(TITLES.get(types[i]));
			recording.record(new NewActivity(types[i], first.plusDays(random.nextInt(span)), station, taking,
					receivedOf[i], visitedOf[i], titles[random.nextInt(titles.length)], null, null), county);
		}
		return n;
	}

	/**
	 * {@code total} spread over the activities {@code among} (none: it must be zero), a
	 * little unevenly, summing to it exactly.
	 */
	private static int[] spread(Random random, int total, List<Integer> among, int n) {
		int[] out = new int[n];
		if (among.isEmpty()) {
			if (total != 0) {
				throw new IllegalStateException("nothing to count " + total + " on");
			}
			return out;
		}
		int each = total / among.size();
		int rest = total % among.size();
		for (int k = 0; k < among.size(); k++) {
			out[among.get(k)] = each + (k < rest ? 1 : 0);
		}
		for (int k = 0; k < among.size(); k++) {
			int a = among.get(random.nextInt(among.size()));
			int b = among.get(random.nextInt(among.size()));
			int delta = out[a] == 0 ? 0 : random.nextInt(Math.min(out[a], 4) + 1);
			out[a] -= delta;
			out[b] += delta;
		}
		return out;
	}

	private static List<Long> some(Random random, List<Long> from, int count) {
		List<Long> pool = new ArrayList<>(from);
		List<Long> out = new ArrayList<>();
		while (out.size() < count && !pool.isEmpty()) {
			out.add(pool.remove(random.nextInt(pool.size())));
		}
		return out;
	}

	// ------------------------------------------------------------------ opinions

	private int opinions(Random random, List<Long> stations, LocalDate first, int span, CurrentUser county,
			List<Long> created) {
		int counted = 0;
		int resolved = 0;
		for (OpinionStatus s : OpinionStatus.values()) {
			if (s == OpinionStatus.MERGED) {
				continue;
			}
			int c = opinions.count(OpinionFilter.none().withStatus(s), county);
			counted += c;
			if (s == OpinionStatus.CLOSED) {
				for (Opinion o : opinions.list(OpinionFilter.none().withStatus(s), county, 0, c + 1, 0)) {
					if (o.outcome() == Outcome.RESOLVED) {
						resolved++;
					}
				}
			}
		}
		int n = OPINIONS * scale - counted;
		int toResolve = RESOLVED * scale - resolved;
		if (n < toResolve || toResolve < 0) {
			throw new IllegalStateException(
					"the demo's opinions do not fit the bulletin: " + counted + " opinions, " + resolved + " resolved");
		}
		Source[] sources = { Source.RECEPTION, Source.OPINION_BOX, Source.VISIT, Source.PHONE, Source.RECEPTION };
		// resolved ones spread among the others
		boolean[] resolve = new boolean[n];
		for (int k = 0; k < toResolve; k++) {
			int i;
			do {
				i = random.nextInt(n);
			}
			while (resolve[i]);
			resolve[i] = true;
		}
		for (int i = 0; i < n; i++) {
			String[] text = DemoOpinions.TEXTS[random.nextInt(DemoOpinions.TEXTS.length)];
			LocalDate day = first.plusDays(random.nextInt(span));
			int minute = random.nextInt(400);
			LocalTime time = minute < 200 ? LocalTime.of(8, 30).plusMinutes(minute)
					: LocalTime.of(14, 0).plusMinutes(minute - 200);
			OffsetDateTime at = day.atTime(time).atZone(ZONE).toOffsetDateTime();
			DemoDesk.At desk = desks.at(Clock.fixed(at.toInstant(), ZONE));
			long station = stations.get(random.nextInt(stations.size()));
			Opinion o = desk
				.submit(new Intake(sources[random.nextInt(sources.length)], station, null, text[0], text[1],
						at.minusMinutes(5 + random.nextInt(30)), List.of(), null, null, true), county)
				.opinion();
			created.add(o.id());
			DemoDesk.At answered = desks.at(Clock.fixed(at.plusMinutes(20 + random.nextInt(30)).toInstant(), ZONE));
			if (resolve[i]) {
				answered.close(o.id(), Outcome.RESOLVED, null, REPLIES[random.nextInt(REPLIES.length)], county);
			}
			else if (random.nextInt(5) > 0) {
				answered.close(o.id(), Outcome.EXPLAINED, null, EXPLANATIONS[random.nextInt(EXPLANATIONS.length)],
						county);
			}
			else {
				answered.close(o.id(), Outcome.NOT_ACCEPTED, "所反映事项不属于人大代表联系群众工作受理范围，已告知当事人向有关部门反映。", null, county);
			}
		}
		return n;
	}

	// ------------------------------------------------------------------ proposals

	/**
	 * Proposals of past years drafted by the county on behalf of deputies from
	 * {@code count} of the history's opinions (up to five each), submitted and
	 * registered; the opinion module links the opinions when it hears of the submission.
	 */
	private int proposals(Random random, List<Long> stations, Map<Long, List<Long>> deputiesOf, List<Long> from,
			int count, CurrentUser county) {
		if (count < 0 || count > from.size()) {
			throw new IllegalStateException("cannot link " + count + " opinions of " + from.size());
		}
		List<Long> pool = new ArrayList<>(from);
		int made = 0;
		int left = count;
		while (left > 0) {
			int size = Math.min(left, 3 + random.nextInt(3));
			List<Long> ids = new ArrayList<>();
			for (int k = 0; k < size; k++) {
				ids.add(pool.remove(random.nextInt(pool.size())));
			}
			left -= size;
			long station = stations.get(random.nextInt(stations.size()));
			List<Long> ds = Objects.requireNonNull(deputiesOf.get(station));
			long lead = ds.get(random.nextInt(ds.size()));
			String[] text = DemoProposals.TEXTS[made % DemoProposals.TEXTS.length];
			Opinion newest = opinions.get(ids.stream().max(Long::compare).orElseThrow(), county);
			OffsetDateTime at = newest.receivedAt().plusDays(3 + random.nextInt(20));
			OffsetDateTime latest = OffsetDateTime.now(ZONE).minusHours(1);
			Clock clock = Clock.fixed((at.isAfter(latest) ? latest : at).toInstant(), ZONE);
			Period period = made % 3 == 0 ? Period.SESSION : Period.RECESS;
			proposalTime.at(clock, () -> {
				Proposal p = drafting.create(new NewProposal(text[0], text[1], lead, List.of(), ids, period, true),
						county);
				drafting.submit(p.id(), null, county);
				return registration.register(p.id(), null, null, county);
			});
			made++;
		}
		return made;
	}

}
