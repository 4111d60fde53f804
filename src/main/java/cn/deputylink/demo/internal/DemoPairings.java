package cn.deputylink.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.HouseholdForm;
import cn.deputylink.activity.HouseholdHelpForm;
import cn.deputylink.activity.HouseholdRegister;
import cn.deputylink.activity.NewActivity;

/**
 * The demo county's poverty-aid pairings and "三个一": 24 invented households across the
 * first eleven townships, each paired with one or two of its township's deputies, most
 * helped this year; and, as the county's liaison work committee records them, visits and
 * practical deeds of this year (dated in its past) so that some deputies are fully
 * compliant so far and others behind. The demo {@code deputy} tells a story: visits in
 * every ended quarter but the last one, none yet this quarter, its deed done, and its
 * paired household not helped this year.
 */
final class DemoPairings {

	private static final String[] SURNAMES = { "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "谢", "邓" };

	private static final String[] GIVEN = { "桂英", "德明", "秀兰", "建国", "春生", "玉梅", "长青", "冬梅", "国富", "满英", "永红", "金秀" };

	private static final String[] SITUATIONS = { "户主年老体弱，独居，靠低保生活", "家中有重病患者，因病致贫", "子女上学负担重，缺少劳动力", "房屋老旧，需要危房改造",
			"残疾人家庭，缺少稳定收入", "受灾后生产生活困难" };

	private static final String[] HELP = { "送去慰问金和米油", "帮助申请医疗救助", "联系技能培训和务工岗位", "协调危房改造", "帮助销售农产品", "走访了解生活情况" };

	private final HouseholdRegister register;

	private final ActivityRecording recording;

	private final CurrentUser county;

	private final LocalDate today;

	DemoPairings(HouseholdRegister register, ActivityRecording recording, UserAccount county, LocalDate today) {
		this.register = register;
		this.recording = recording;
		this.county = new CurrentUser(county.id(), county.username(), county.displayName(), county.role(), null, null,
				null, null, false, false, null, true, false);
		this.today = today;
	}

	/**
	 * Seeds with the townships' villages, stations and deputies (the demo deputy first of
	 * the first township); returns the number of households.
	 */
	int seed(List<List<Long>> villages, List<List<Long>> stations, List<List<Long>> deputies) {
		Random rnd = new Random(9);
		int year = today.getYear();
		int households = 0;
		long demoDeputy = deputies.get(0).get(0);
		// each township's first household and the deputies paired with it
		List<Long> firstHousehold = new ArrayList<>();
		List<Set<Long>> firstPaired = new ArrayList<>();
		for (int t = 0; t < Math.min(11, villages.size()); t++) {
			int here = t == 0 ? 4 : 2;
			List<Long> ds = deputies.get(t);
			for (int i = 0; i < here; i++) {
				int n = households++;
				long village = villages.get(t).get(i % villages.get(t).size());
				String id = n % 3 == 0 ? "43052" + (1000000000000L + rnd.nextLong(1, 999999999999L)) : null;
				String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 5 + 3) % GIVEN.length];
				long household = register
					.create(new HouseholdForm(name, village, SITUATIONS[n % SITUATIONS.length],
							id == null ? null : id.substring(0, 17) + "X", null), county)
					.id();
				List<Long> paired = new ArrayList<>();
				if (t == 0 && i == 0) {
					// the demo deputy's household, with a colleague who helps it
					paired.add(demoDeputy);
					paired.add(ds.get(1));
				}
				else {
					paired.add(ds.get((i * 2 + 1 + t) % ds.size()));
					if (n % 2 == 0) {
						paired.add(ds.get((i * 2 + 2 + t) % ds.size()));
					}
				}
				register.pair(household, paired, LocalDate.of(year - 1, 3 + n % 9, 1), county);
				if (i == 0) {
					firstHousehold.add(household);
					firstPaired.add(new HashSet<>(paired));
				}
				// last year's help, for the history
				register.recordHelp(household, new HouseholdHelpForm(LocalDate.of(year - 1, 11, 10 + n % 15), paired,
						HELP[(n + 3) % HELP.length], null), county);
				if (n % 6 == 5) {
					continue;
				}
				List<Long> helpers = t == 0 && i == 0 ? List.of(ds.get(1)) : paired;
				register.recordHelp(household,
						new HouseholdHelpForm(dayOfYear(rnd), helpers, HELP[n % HELP.length], null), county);
			}
		}
		int currentQuarter = (today.getMonthValue() - 1) / 3 + 1;
		for (int t = 0; t < deputies.size(); t++) {
			long station = stations.get(t).get(0);
			// the deputies by how far they are: 0 fully compliant so far, 1 all but the
			// current quarter, 2 a missed quarter and no deed, 3 nothing yet
			List<List<Long>> kinds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>());
			for (int i = 0; i < deputies.get(t).size(); i++) {
				long d = deputies.get(t).get(i);
				if (d != demoDeputy) {
					kinds.get((i + t) % 4).add(d);
				}
			}
			// the fully compliant ones have helped a paired household too
			if (t < firstHousehold.size()) {
				long household = firstHousehold.get(t);
				Set<Long> already = firstPaired.get(t);
				List<Long> newlyPaired = kinds.get(0).stream().filter(d -> !already.contains(d)).toList();
				if (!newlyPaired.isEmpty()) {
					register.pair(household, newlyPaired, LocalDate.of(year, 1, 1), county);
				}
				if (!kinds.get(0).isEmpty()) {
					register.recordHelp(household,
							new HouseholdHelpForm(dayOfYear(rnd), kinds.get(0), "入户了解困难，协调解决", null), county);
				}
			}
			for (int q = 1; q <= currentQuarter; q++) {
				List<Long> visiting = new ArrayList<>(kinds.get(0));
				if (q < currentQuarter) {
					visiting.addAll(kinds.get(1));
					if (q != 1) {
						visiting.addAll(kinds.get(2));
					}
				}
				if (t == 0 && q < currentQuarter - 1) {
					visiting.add(demoDeputy);
				}
				if (!visiting.isEmpty()) {
					visit(station, visiting, visitDay(year, q, t));
				}
			}
			List<Long> deeds = new ArrayList<>(kinds.get(0));
			deeds.addAll(kinds.get(1));
			if (t == 0) {
				deeds.add(demoDeputy);
			}
			if (!deeds.isEmpty()) {
				recording.record(new NewActivity(ActivityType.PRACTICAL_DEED, visitDay(year, 1, t + 5), station, deeds,
						0, 0, "为群众办实事：修缮村道和路灯", null, null), county);
			}
		}
		return households;
	}

	private void visit(long station, List<Long> deputies, LocalDate day) {
		recording.record(new NewActivity(ActivityType.VISIT, day, station, deputies, 0, 3 + deputies.size(), "走访慰问群众",
				null, null), county);
	}

	/** A day of quarter {@code q} this year, never after today. */
	private LocalDate visitDay(int year, int q, int spread) {
		LocalDate day = LocalDate.of(year, (q - 1) * 3 + 1, 1).plusDays(10 + spread % 40);
		return day.isAfter(today) ? today : day;
	}

	private LocalDate dayOfYear(Random rnd) {
		int span = today.getDayOfYear();
		return today.withDayOfYear(1 + rnd.nextInt(span));
	}

}
