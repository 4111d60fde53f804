package cn.deputylink.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The performance file's PDF: poppler's {@code pdftotext} finds the deputy's name, the
 * year and every figure of the file as the JSON gives it (Chinese stays text), and
 * {@code pdffonts} shows the shipped CJK font embedded as a subset; the page and the API
 * serve it with the same scope as the file.
 */
@IntegrationTest
class PerformancePdfIT {

	@LocalServerPort
	int port;

	@Autowired
	ActivityRecording recording;

	@Autowired
	Accounts accounts;

	static String run(Path pdf, String... command) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of(command));
		cmd.add(pdf.toString());
		if (command[0].endsWith("pdftotext")) {
			cmd.add("-");
		}
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		byte[] out = p.getInputStream().readAllBytes();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
		return new String(out, StandardCharsets.UTF_8);
	}

	@Test
	void theFiguresAreTextAndTheFontIsEmbedded() throws Exception {
		Api county = Api.as(port, "county");
		Api liaison = Api.as(port, "liaison");
		long station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		PerformanceFixtures.Deputy d = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy other = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy sub = PerformanceFixtures.deputy(county, station);
		UserAccount a = accounts.findByUsername("county").orElseThrow();
		CurrentUser cu = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
		PerformanceFixtures.heldDay(liaison, station, "2021-03-10", Map.of(d.id(), "PRESENT", other.id(), "PRESENT"), 6,
				1);
		PerformanceFixtures.heldDay(liaison, station, "2021-04-14", Map.of(d.id(), "PRESENT"), 2, 0);
		PerformanceFixtures.heldDay(liaison, station, "2021-05-12", Map.of(d.id(), "PRESENT"), 1, 0);
		PerformanceFixtures.heldDay(liaison, station, "2021-06-09", Map.of(d.id(), "ABSENT", other.id(), "PRESENT"), 1,
				0);
		PerformanceFixtures.heldDay(liaison, station, "2021-07-14",
				Map.of(d.id(), "SUBSTITUTE:" + sub.id(), other.id(), "PRESENT"), 1, 0);
		for (String date : List.of("2021-02-01", "2021-08-01")) {
			recording.record(new NewActivity(ActivityType.VISIT, LocalDate.parse(date), station, List.of(d.id()), 0, 3,
					"走访", null, null), cu);
		}
		recording.record(new NewActivity(ActivityType.INSPECTION, LocalDate.parse("2021-09-01"), station,
				List.of(d.id()), 0, 0, "视察", null, null), cu);
		JsonNode f = county.get("/api/v1/deputies/" + d.id() + "/performance?year=2021").json();
		assertThat(f.get("duty").get("attended").asInt()).isEqualTo(3);

		Api.Binary pdf = county.getBytes("/api/v1/deputies/" + d.id() + "/performance.pdf?year=2021");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		byte[] bytes = pdf.body();
		assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		Path file = Files.createTempFile("performance", ".pdf");
		Files.write(file, bytes);
		String text = run(file, "/usr/bin/pdftotext", "-layout", "-enc", "UTF-8").replaceAll("[ \\t\\u00a0]+", " ");
		assertThat(text).contains(d.name()).contains("2021年度履职档案");
		// every figure, exactly as the model gives it
		JsonNode duty = f.get("duty");
		assertThat(text).contains("值班 出勤 " + duty.get("attended").asInt())
			.contains("值班 缺席 " + duty.get("absent").asInt())
			.contains("值班 由他人替班 " + duty.get("substituted").asInt())
			.contains("值班 替他人值班 " + duty.get("stoodIn").asInt())
			.contains("值班 待值班 " + duty.get("upcoming").asInt());
		assertThat(text).contains("值班 出勤 3").contains("值班 缺席 1").contains("值班 由他人替班 1");
		Map<String, String> types = Map.of("RECEPTION", "接待群众", "VISIT", "走访慰问", "PRACTICAL_DEED", "办实事", "POVERTY_AID",
				"联系帮扶", "STUDY", "学习", "GROUP_ACTIVITY", "代表小组活动", "INSPECTION", "视察调研");
		for (JsonNode t : f.get("activities").get("byType")) {
			assertThat(text).contains("活动 " + types.get(t.get("type").asString()) + " " + t.get("count").asInt());
		}
		assertThat(text).contains("活动 接待群众 3").contains("活动 走访慰问 2").contains("活动 视察调研 1");
		assertThat(text).contains("活动 合计 " + f.get("activities").get("total").asInt())
			.contains("活动 接待群众人次 " + f.get("activities").get("constituentsReceived").asInt())
			.contains("活动 走访户数 " + f.get("activities").get("householdsVisited").asInt());
		assertThat(text).contains("群众意见 收到 " + f.get("opinions").get("received").asInt())
			.contains("群众意见 已办结 " + f.get("opinions").get("byStatus").get("CLOSED").asInt())
			.contains("办结结果 解释说明 " + f.get("opinions").get("byOutcome").get("EXPLAINED").asInt())
			.contains("群众意见 转为代表建议 " + f.get("opinions").get("converted").asInt());
		assertThat(text).contains("代表建议 领衔 " + f.get("proposals").get("led").asInt())
			.contains("代表建议 附议 " + f.get("proposals").get("coSigned").asInt());
		JsonNode ob = f.get("obligations");
		for (JsonNode q : ob.get("quarterlyVisits")) {
			assertThat(text).contains("三个一 第" + q.get("quarter").asInt() + "季度走访 " + q.get("count").asInt());
		}
		assertThat(text).contains("三个一 办实事 " + ob.get("practicalDeeds").get("count").asInt())
			.contains("三个一 帮扶户 " + ob.get("povertyAidHouseholds").get("count").asInt());
		assertThat(text).contains("积分 年度累计 " + f.get("points").asInt());
		// the calendar's legend
		assertThat(text).contains("值班出勤").contains("由他人替班").contains("履职日历");

		String fonts = run(file, "/usr/bin/pdffonts");
		String line = fonts.lines()
			.filter(l -> l.contains("DeputyLinkCJK") || l.contains("Droid"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(fonts));
		// name with a subset tag, TrueType (CID), embedded yes, subset yes
		assertThat(line).matches("[A-Z]{6}\\+.*").contains("TrueType");
		assertThat(line.split("\\s+")).contains("yes");
		// every CJK font in the file is the shipped one, embedded (openhtmltopdf may also
		// name
		// a base-14 Helvetica, never embedded, for glyphs the CJK font lacks, such as the
		// space)
		assertThat(fonts.lines().skip(2).filter(l -> !l.startsWith("Helvetica")).allMatch(l -> l.contains(" yes ")))
			.as(fonts)
			.isTrue();

		// the page's PDF and the scope
		var page = new FormSession(port).login("county").get("/deputies/" + d.id() + "/performance.pdf?year=2021");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(page.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(d.api(port).getBytes("/api/v1/deputies/" + d.id() + "/performance.pdf?year=2021").status())
			.isEqualTo(200);
		assertThat(other.api(port).getBytes("/api/v1/deputies/" + d.id() + "/performance.pdf?year=2021").status())
			.isEqualTo(403);
		assertThat(liaison.get("/api/v1/deputies/" + d.id() + "/performance.pdf").status()).isEqualTo(403);
		Files.deleteIfExists(file);
	}

}
