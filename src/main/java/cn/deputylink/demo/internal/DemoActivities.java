package cn.deputylink.demo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityReports;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.Upload;

/**
 * A year of deputies' activities for the demo county, through the activity module's
 * facades so that its checks run and its events are published: every station's study
 * sessions, deputy-group activities, inspections, practical deeds and some poverty-aid
 * work, recorded by the county; visits only for about a third of the deputies and not in
 * every quarter, so that some deputies meet the "三个一" and others are behind. The demo
 * {@code deputy} reports its own — some approved, some awaiting review, some rejected
 * with the reason, one withdrawn. Reception days are the duty module's. Invented text.
 */
final class DemoActivities {

	private static final String[][] TITLES = { { "STUDY", "学习宪法和代表法" }, { "STUDY", "学习县人代会精神" },
			{ "GROUP_ACTIVITY", "代表小组集中活动" }, { "GROUP_ACTIVITY", "代表小组议事会" }, { "INSPECTION", "视察农村公路建设" },
			{ "INSPECTION", "调研养老服务中心" }, { "PRACTICAL_DEED", "帮助修复灌溉水渠" }, { "PRACTICAL_DEED", "为村小学捐赠图书" },
			{ "POVERTY_AID", "走访帮扶困难家庭" } };

	private final ActivityRecording recording;

	private final ActivityReports reports;

	private final RegistryLookup registry;

	private final CurrentUser county;

	private final CurrentUser township;

	private final CurrentUser liaison;

	private final CurrentUser deputy;

	private final Random random = new Random(2026);

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	DemoActivities(ActivityRecording recording, ActivityReports reports, RegistryLookup registry, UserAccount county,
			UserAccount township, UserAccount liaison, UserAccount deputy) {
		this.recording = recording;
		this.reports = reports;
		this.registry = registry;
		this.county = user(county);
		this.township = user(township);
		this.liaison = user(liaison);
		this.deputy = user(deputy);
	}

	private static CurrentUser user(UserAccount a) {
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	/** Seeds the activities; returns how many. */
	int seed(List<List<Long>> stationIds) {
		int n = 0;
		int deputyIndex = 0;
		for (List<Long> stations : stationIds) {
			for (Long stationId : stations) {
				Station st = registry.station(stationId).orElseThrow();
				List<Long> deputies = st.deputyIds();
				if (deputies.isEmpty()) {
					continue;
				}
				// staff-recorded activities of the station over the past year
				for (int i = 0; i < 4; i++) {
					String[] t = TITLES[random.nextInt(TITLES.length)];
					record(ActivityType.valueOf(t[0]), daysAgo(10 + random.nextInt(350)), stationId,
							some(deputies, 1 + random.nextInt(Math.min(4, deputies.size()))), t[1]);
					n++;
				}
				// visits for about a third of the deputies, in one or two quarters
				for (Long d : deputies) {
					if (deputyIndex++ % 3 != 0 || Objects.equals(d, deputy.deputyId())) {
						continue;
					}
					int visits = 1 + random.nextInt(2);
					for (int v = 0; v < visits; v++) {
						record(ActivityType.VISIT, daysAgo(5 + random.nextInt(300)), stationId, List.of(d), "走访慰问困难群众");
						n++;
					}
				}
			}
		}
		n += reportsOfTheDemoDeputy();
		return n;
	}

	/**
	 * The demo deputy's reports: three approved (a visit two quarters ago among them:
	 * this quarter's visit still waits for review), two awaiting review, two rejected
	 * with the reason, one withdrawn.
	 */
	private int reportsOfTheDemoDeputy() {
		Long station = deputy.deputyId() == null ? null
				: registry.stationsOfDeputy(deputy.deputyId()).stream().findFirst().orElse(null);
		if (station == null) {
			return 0;
		}
		Activity a = report(ActivityType.VISIT, daysAgo(200), null, "走访慰问五保老人", 0, 4, true);
		reports.approve(a.id(), a.version(), liaison);
		a = report(ActivityType.PRACTICAL_DEED, daysAgo(40), station, "协调修通组级公路", 12, 0, true);
		reports.approve(a.id(), a.version(), township);
		a = report(ActivityType.STUDY, daysAgo(75), station, "参加代表履职培训", 0, 0, false);
		reports.approve(a.id(), a.version(), liaison);
		report(ActivityType.VISIT, daysAgo(1), null, "走访留守儿童家庭", 0, 3, true);
		report(ActivityType.GROUP_ACTIVITY, daysAgo(2), station, "代表小组讨论村规民约", 6, 0, false);
		a = report(ActivityType.INSPECTION, daysAgo(9), station, "视察村卫生室", 0, 0, false);
		reports.reject(a.id(), "请补充视察发现的问题和现场照片", a.version(), liaison);
		a = report(ActivityType.PRACTICAL_DEED, daysAgo(20), station, "帮助联系农产品销路", 0, 0, false);
		reports.reject(a.id(), "日期与村里记录不符，请核实后重新报送", a.version(), township);
		a = report(ActivityType.STUDY, daysAgo(30), station, "自学代表法（重复报送）", 0, 0, false);
		reports.withdraw(a.id(), a.version(), deputy);
		return 8;
	}

	private void record(ActivityType type, LocalDate date, @Nullable Long stationId, List<Long> deputies,
			String title) {
		recording.record(new NewActivity(type, date, stationId, deputies, type == ActivityType.PRACTICAL_DEED ? 20 : 0,
				type == ActivityType.VISIT || type == ActivityType.POVERTY_AID ? 1 + random.nextInt(6) : 0, title, null,
				null), county);
	}

	private Activity report(ActivityType type, LocalDate date, @Nullable Long stationId, String title, int received,
			int visited, boolean photo) {
		List<Upload> photos = photo ? List.of(new Upload("现场照片.png", photo(title.length()))) : List.of();
		return reports.report(
				new NewActivity(type, date, stationId, List.of(), received, visited, title, "演示数据：" + title, null),
				photos, deputy);
	}

	private LocalDate daysAgo(int days) {
		return today.minusDays(days);
	}

	private List<Long> some(List<Long> deputies, int count) {
		List<Long> pool = new ArrayList<>(deputies);
		List<Long> out = new ArrayList<>();
		while (out.size() < count && !pool.isEmpty()) {
			out.add(pool.remove(random.nextInt(pool.size())));
		}
		return out;
	}

	/** A small invented photo (a field and a sky), a real PNG. */
	private static byte[] photo(int seed) {
		BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setColor(new Color(135, 190, 235));
			g.fillRect(0, 0, 320, 140);
			g.setColor(new Color(80 + seed % 60, 160, 70));
			g.fillRect(0, 140, 320, 100);
			g.setColor(new Color(200, 60, 40));
			g.fillRect(130, 100, 60, 60);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
