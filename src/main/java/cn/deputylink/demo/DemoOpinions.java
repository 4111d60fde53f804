package cn.deputylink.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionHandling;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.Tier;

/**
 * Opinions for the demo county, so that every queue and every status has something in it: the
 * first township's cases go all the way through its government (the {@code department} account);
 * the other townships' wait for triage or sit with their governments. Invented text, invented people.
 */
final class DemoOpinions {

	/** Category, then what a constituent said. */
	private static final String[][] TEXTS = { { "RURAL_INFRASTRUCTURE", "村口到小学的路面坑洼严重，下雨天孩子上学很不安全，希望尽快修补。" },
			{ "RURAL_INFRASTRUCTURE", "二组的路灯坏了三个多月，晚上出行看不清路，请帮忙维修。" },
			{ "RURAL_INFRASTRUCTURE", "自来水水压不足，三楼以上经常停水，影响日常生活。" },
			{ "SOCIAL_SECURITY", "在外务工多年，养老保险缴费年限怎么合并计算？希望有人讲解政策。" },
			{ "SUBSISTENCE_ELDERLY", "家中老人八十多岁独居，想了解高龄补贴如何申请。" },
			{ "SUBSISTENCE_ELDERLY", "低保年审材料太多，希望简化手续，方便行动不便的老人。" },
			{ "NEIGHBOUR_DISPUTE", "与邻居因宅基地边界发生争执，希望村里组织调解。" },
			{ "LAND_DEMOLITION", "修路征用了我家责任田，补偿款至今没有到位，请帮忙了解进度。" },
			{ "RURAL_INFRASTRUCTURE", "水渠年久失修，春耕灌溉用水困难，希望列入维修计划。" },
			{ "OTHER", "集市周边车辆乱停乱放，赶集日经常堵车，建议规划停车位。" },
			{ "SOCIAL_SECURITY", "新农合报销比例和定点医院有哪些变化？村里老人不太清楚。" },
			{ "NEIGHBOUR_DISPUTE", "邻居养狗不拴绳，已经咬伤两个小孩，希望加强管理。" } };

	private static final String[] NAMES = { "李桂英", "王建国", "张秀兰", "刘志强", "陈玉梅", "杨德明", "赵春花", "黄国庆" };

	private final OpinionHandling opinions;

	private final Random random = new Random(2018);

	private final OffsetDateTime now = OffsetDateTime.now(Clock.system(ZoneId.of("Asia/Shanghai")));

	private final CurrentUser county;

	private final CurrentUser township;

	private final CurrentUser liaison;

	private final CurrentUser department;

	DemoOpinions(OpinionHandling opinions, UserAccount county, UserAccount township, UserAccount liaison,
			UserAccount department) {
		this.opinions = opinions;
		this.county = user(county);
		this.township = user(township);
		this.liaison = user(liaison);
		this.department = user(department);
	}

	private static CurrentUser user(UserAccount a) {
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	private Opinion register(CurrentUser by, Source source, long stationId, int text, int daysAgo) {
		String[] t = TEXTS[text % TEXTS.length];
		boolean anonymous = random.nextInt(5) == 0;
		String phone = "13" + (700000000 + random.nextInt(299999999));
		return opinions.submit(new Intake(source, stationId, null, null, t[1], now.minusDays(daysAgo).minusHours(random.nextInt(8)),
				List.of(), anonymous ? null : NAMES[random.nextInt(NAMES.length)], anonymous ? null : phone, anonymous), by,
				null, List.of()).opinion();
	}

	private static String category(int text) {
		return TEXTS[text % TEXTS.length][0];
	}

	/** Seeds; returns how many opinions were created. */
	int seed(List<List<Long>> stationsByTownship) {
		int count = 0;
		long home = stationsByTownship.get(0).get(0);
		Source[] sources = { Source.RECEPTION, Source.OPINION_BOX, Source.VISIT, Source.PHONE };
		// the first township: one or more in every status
		for (int i = 0; i < 12; i++) {
			Opinion o = register(liaison, sources[i % sources.length], home, i, 40 - i * 3);
			count++;
			long id = o.id();
			switch (i) {
				case 0, 1 -> {
					// waiting for triage
				}
				case 2 -> triage(id, category(i));
				case 3 -> assign(id, category(i));
				case 4, 5 -> {
					assign(id, category(i));
					opinions.accept(id, department, null);
					opinions.progress(id, "已安排人员现场核实情况", department, null);
				}
				case 6 -> {
					assign(id, category(i));
					opinions.accept(id, department, null);
					opinions.reply(id, "经村委会组织调解，双方已签订边界协议。", Outcome.RESOLVED, department, null);
				}
				case 7, 8 -> {
					assign(id, category(i));
					opinions.accept(id, department, null);
					opinions.reply(id, "已协调有关部门落实，近期完成。", Outcome.RESOLVED, department, null);
					if (!o.anonymous()) {
						opinions.feedback(o.trackingCode(), Satisfaction.SATISFIED, null);
					}
				}
				case 9 -> opinions.close(id, Outcome.EXPLAINED, null, "值班代表现场解释了停车规划安排，群众表示理解。", liaison, null);
				case 10 -> opinions.close(id, Outcome.NOT_ACCEPTED, "该事项已进入司法程序，请通过人民法院依法解决。", null, township, null);
				default -> {
					// the same problem twice: merged into the earlier one
					Opinion earlier = register(liaison, Source.RECEPTION, home, i, 20);
					count++;
					opinions.merge(id, earlier.id(), township, null);
				}
			}
		}
		// the other townships: some waiting, some with their governments
		for (int t = 1; t < stationsByTownship.size(); t++) {
			List<Long> stations = stationsByTownship.get(t);
			for (int i = 0; i < 3; i++) {
				int text = t * 3 + i;
				Opinion o = register(county, sources[(t + i) % sources.length], stations.get(i % stations.size()), text,
						30 - i * 9);
				count++;
				if (i > 0) {
					opinions.triage(o.id(), category(text), Tier.TOWNSHIP, null, county, null);
					if (opinions.routedDepartment(opinions.get(o.id(), county)).isPresent()) {
						opinions.assign(o.id(), null, null, county, null);
					}
				}
			}
		}
		return count;
	}

	private void triage(long id, String category) {
		opinions.triage(id, category, Tier.TOWNSHIP, null, township, null);
	}

	private void assign(long id, String category) {
		triage(id, category);
		opinions.assign(id, department.departmentId(), "由镇人民政府统筹办理", township, null);
	}
}
