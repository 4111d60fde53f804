package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.Tier;

/**
 * Opinions for the demo county, so that every queue, every status and every deadline
 * colour has something in it: the first township's cases go all the way through its
 * government (the {@code department} account); the other townships' wait for triage or
 * sit with their governments. Each case is given a past — it came in some working days
 * ago and moved on step by step in office hours — through the desk's own rules at that
 * time, so due dates, overdue cases and the notices about them agree. Invented text,
 * invented people.
 */
final class DemoOpinions {

	/** Category, then what a constituent said. */
	static final String[][] TEXTS = { { "RURAL_INFRASTRUCTURE", "村口到小学的路面坑洼严重，下雨天孩子上学很不安全，希望尽快修补。" },
			{ "RURAL_INFRASTRUCTURE", "二组的路灯坏了三个多月，晚上出行看不清路，请帮忙维修。" },
			{ "RURAL_INFRASTRUCTURE", "自来水水压不足，三楼以上经常停水，影响日常生活。" },
			{ "SOCIAL_SECURITY", "在外务工多年，养老保险缴费年限怎么合并计算？希望有人讲解政策。" },
			{ "SUBSISTENCE_ELDERLY", "家中老人八十多岁独居，想了解高龄补贴如何申请。" },
			{ "SUBSISTENCE_ELDERLY", "低保年审材料太多，希望简化手续，方便行动不便的老人。" }, { "NEIGHBOUR_DISPUTE", "与邻居因宅基地边界发生争执，希望村里组织调解。" },
			{ "LAND_DEMOLITION", "修路征用了我家责任田，补偿款至今没有到位，请帮忙了解进度。" },
			{ "RURAL_INFRASTRUCTURE", "水渠年久失修，春耕灌溉用水困难，希望列入维修计划。" }, { "OTHER", "集市周边车辆乱停乱放，赶集日经常堵车，建议规划停车位。" },
			{ "SOCIAL_SECURITY", "新农合报销比例和定点医院有哪些变化？村里老人不太清楚。" }, { "NEIGHBOUR_DISPUTE", "邻居养狗不拴绳，已经咬伤两个小孩，希望加强管理。" } };

	private static final String[] NAMES = { "李桂英", "王建国", "张秀兰", "刘志强", "陈玉梅", "杨德明", "赵春花", "黄国庆" };

	private final DemoDesk desks;

	private final WorkingCalendar calendar;

	private final Random random = new Random(2018);

	private final ZoneId zone = ZoneId.of("Asia/Shanghai");

	private final OffsetDateTime now = OffsetDateTime.now(Clock.system(zone));

	private final CurrentUser county;

	private final CurrentUser township;

	private final CurrentUser liaison;

	private final CurrentUser department;

	/**
	 * When the case being written has got to: each step happens a little later, in
	 * working hours.
	 */
	private OffsetDateTime t = now;

	/**
	 * The demo deputy, on duty at the liaison's station: the opinions raised at its
	 * receptions and visits there are the ones it received, so it can draft a proposal
	 * from them.
	 */
	private final @Nullable Long homeDeputy;

	DemoOpinions(DemoDesk desks, WorkingCalendar calendar, UserAccount county, UserAccount township,
			UserAccount liaison, UserAccount department, UserAccount deputy) {
		this.homeDeputy = deputy.deputyId();
		this.desks = desks;
		this.calendar = calendar;
		this.county = user(county);
		this.township = user(township);
		this.liaison = user(liaison);
		this.department = user(department);
		// every case sets its own start (startAt); until the first one, now
		this.t = OffsetDateTime.now(zone);
	}

	static CurrentUser user(UserAccount a) {
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	// ------------------------------------------------------------------ time

	/**
	 * The desk at the current step's time: deadlines count from the day the step was
	 * taken.
	 */
	private DemoDesk.At desk() {
		return desks.at(Clock.fixed(t.toInstant(), zone));
	}

	/** The working day {@code n} working days before the last one that has begun. */
	private LocalDate workingDaysAgo(int n) {
		LocalDate day = now.toLocalDate();
		if (!calendar.isWorkingDay(day) || now.toLocalTime().isBefore(LocalTime.of(9, 0))) {
			day = previousWorkingDay(day);
		}
		for (int i = 0; i < n; i++) {
			day = previousWorkingDay(day);
		}
		return day;
	}

	private LocalDate previousWorkingDay(LocalDate day) {
		LocalDate d = day.minusDays(1);
		while (!calendar.isWorkingDay(d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	/**
	 * Starts a case on a working day, at a time in office hours (8:30–11:50,
	 * 14:00–17:20).
	 */
	private void startAt(int workingDaysAgo) {
		LocalDate day = workingDaysAgo(workingDaysAgo);
		int minute = random.nextInt(200 + 200);
		LocalTime time = minute < 200 ? LocalTime.of(8, 30).plusMinutes(minute)
				: LocalTime.of(14, 0).plusMinutes(minute - 200);
		t = cap(day.atTime(time).atZone(zone).toOffsetDateTime());
	}

	/**
	 * The next step: half an hour to three hours later, on the next working morning after
	 * hours.
	 */
	private OffsetDateTime later() {
		OffsetDateTime next = t.plusMinutes(30 + random.nextInt(150));
		LocalTime time = next.toLocalTime();
		if (time.isAfter(LocalTime.of(11, 50)) && time.isBefore(LocalTime.of(14, 0))) {
			next = next.with(LocalTime.of(14, 0).plusMinutes(random.nextInt(40)));
		}
		else if (time.isAfter(LocalTime.of(17, 20)) || next.toLocalDate().isAfter(t.toLocalDate())) {
			LocalDate day = t.toLocalDate().plusDays(1);
			while (!calendar.isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			next = day.atTime(LocalTime.of(8, 40).plusMinutes(random.nextInt(60))).atZone(zone).toOffsetDateTime();
		}
		t = cap(next);
		return t;
	}

	/** Moves on to the next working day at which the case's due date has passed. */
	private void afterDue(LocalDate due) {
		LocalDate day = due.plusDays(1);
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		t = cap(day.atTime(LocalTime.of(9, 10).plusMinutes(random.nextInt(90))).atZone(zone).toOffsetDateTime());
	}

	/**
	 * Never in the future: the last steps of today's cases happen a few minutes ago at
	 * the latest.
	 */
	private OffsetDateTime cap(OffsetDateTime at) {
		OffsetDateTime latest = now.minusMinutes(2);
		return at.isAfter(latest) ? latest : at;
	}

	// ------------------------------------------------------------------ steps

	private Opinion register(CurrentUser by, Source source, long stationId, int text, int workingDaysAgo) {
		startAt(workingDaysAgo);
		String[] tx = TEXTS[text % TEXTS.length];
		boolean anonymous = random.nextInt(5) == 0;
		String phone = "13" + (700000000 + random.nextInt(299999999));
		// told at the reception a little before it is typed in
		OffsetDateTime received = t.minusMinutes(5 + random.nextInt(40));
		return desk()
			.submit(new Intake(source, stationId, null, null, tx[1], received, receivedBy(by, source, stationId),
					anonymous ? null : NAMES[random.nextInt(NAMES.length)], anonymous ? null : phone, anonymous), by)
			.opinion();
	}

	/** The demo deputy for what it heard in person at the liaison's station. */
	private List<Long> receivedBy(CurrentUser by, Source source, long stationId) {
		boolean inPerson = source == Source.RECEPTION || source == Source.VISIT;
		boolean home = by == liaison && Long.valueOf(stationId).equals(liaison.stationId());
		return inPerson && home && homeDeputy != null ? List.of(homeDeputy) : List.of();
	}

	private static String category(int text) {
		return TEXTS[text % TEXTS.length][0];
	}

	private void triage(long id, String category, CurrentUser by) {
		later();
		desk().triage(id, category, Tier.TOWNSHIP, by);
	}

	private Opinion assign(long id, String category) {
		triage(id, category, township);
		later();
		return desk().assign(id, department.departmentId(), "由镇人民政府统筹办理", township);
	}

	private void accept(long id) {
		later();
		desk().accept(id, department);
	}

	private void progress(long id, String note) {
		later();
		desk().progress(id, note, department);
	}

	private void reply(long id, String text) {
		later();
		desk().reply(id, text, Outcome.RESOLVED, department);
	}

	/**
	 * Seeds; returns how many opinions were created. The first township's cases go
	 * through every status and every deadline colour: two overdue (one of them escalated
	 * by the county), one yellow, the others green or answered; the other townships' wait
	 * for triage or sit with their governments, some overdue.
	 */
	int seed(List<List<Long>> stationsByTownship) {
		int count = 0;
		long home = stationsByTownship.get(0).get(0);
		Source[] sources = { Source.RECEPTION, Source.OPINION_BOX, Source.VISIT, Source.PHONE };
		// working days ago each of the first township's cases came in
		int[] started = { 0, 1, 2, 19, 22, 13, 10, 16, 18, 5, 7, 3 };
		for (int i = 0; i < 12; i++) {
			Opinion o = register(liaison, sources[i % sources.length], home, i, started[i]);
			count++;
			long id = o.id();
			switch (i) {
				case 0, 1 -> {
					// waiting for triage
				}
				case 2 -> triage(id, category(i), township);
				case 3 -> assign(id, category(i)); // not even accepted, and past its due
													// date
				case 4 -> {
					// overdue in the department's hands: the county steps in (督办)
					Opinion assigned = assign(id, category(i));
					accept(id);
					progress(id, "已安排人员现场核实情况");
					afterDue(Objects.requireNonNull(assigned.dueDate(), "an assigned case has a due date"));
					desk().escalate(id, "已超期，请于三个工作日内答复群众并报送办理情况", county);
				}
				case 5 -> {
					// due within the next working days: yellow
					assign(id, category(i));
					accept(id);
					progress(id, "已安排人员现场核实情况");
				}
				case 6 -> {
					assign(id, category(i));
					accept(id);
					reply(id, "经村委会组织调解，双方已签订边界协议。");
				}
				case 7, 8 -> {
					assign(id, category(i));
					accept(id);
					reply(id, "已协调有关部门落实，近期完成。");
					if (!o.anonymous()) {
						later();
						desk().feedback(o.trackingCode(), Satisfaction.SATISFIED);
					}
				}
				case 9 -> {
					later();
					desk().close(id, Outcome.EXPLAINED, null, "值班代表现场解释了停车规划安排，群众表示理解。", liaison);
				}
				case 10 -> {
					later();
					desk().close(id, Outcome.NOT_ACCEPTED, "该事项已进入司法程序，请通过人民法院依法解决。", null, township);
				}
				default -> {
					// the same problem twice: merged into the earlier one
					OffsetDateTime second = t;
					Opinion earlier = register(liaison, Source.RECEPTION, home, i, 20);
					count++;
					t = second;
					later();
					desk().merge(id, earlier.id(), township);
				}
			}
		}
		// a fresh case with the department, well within its time: green
		Opinion fresh = register(liaison, Source.VISIT, home, 2, 3);
		count++;
		assign(fresh.id(), category(2));
		accept(fresh.id());
		// the other townships: one waiting, two with their governments (overdue in every
		// other township)
		for (int tw = 1; tw < stationsByTownship.size(); tw++) {
			List<Long> stations = stationsByTownship.get(tw);
			int[] ago = { 1, tw % 2 == 0 ? 18 : 14, 4 };
			for (int i = 0; i < 3; i++) {
				int text = tw * 3 + i;
				Opinion o = register(county, sources[(tw + i) % sources.length], stations.get(i % stations.size()),
						text, ago[i]);
				count++;
				if (i > 0) {
					later();
					desk().triage(o.id(), category(text), Tier.TOWNSHIP, county);
					if (desks.routedDepartment(o.id(), county).isPresent()) {
						later();
						desk().assign(o.id(), null, null, county);
					}
				}
			}
		}
		return count;
	}

}
