package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.account.Accounts;
import cn.deputylink.activity.internal.ObligationReminders;
import cn.deputylink.activity.internal.ObligationTracking;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The "三个一" reminders: a deputy not yet compliant for the quarter gets one in-app message
 * and one SMS, however often the job runs and even when two nodes run it at the same
 * moment; a compliant deputy gets none; nothing outside the last days of a quarter.
 */
@IntegrationTest
class ObligationRemindersIT {

	@LocalServerPort
	int port;

	@Autowired
	ObligationReminders reminders;

	@Autowired
	ObligationTracking tracking;

	@Autowired
	ActivityRecording recording;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api township;

	long station;

	long village;

	LocalDate today;

	/** A day 5 days before the end of the current quarter. */
	LocalDate reminderDay;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		village = PairingFixtures.first(county.get("/api/v1/villages?townshipId=" + own));
		today = tracking.today();
		int q = (today.getMonthValue() - 1) / 3 + 1;
		reminderDay = LocalDate.of(today.getYear(), q * 3, 1).plusMonths(1).minusDays(6);
	}

	private long deputyWithAccount(String phone) {
		long d = PairingFixtures.deputy(county, station, phone);
		Api.Response u = county.post("/api/v1/users", Api.json(Map.of("username", "dep" + d, "password", "Start#2026xy",
				"displayName", "代表" + d, "role", "DEPUTY", "deputyId", d)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return d;
	}

	/** A visit and a deed today, and a paired household helped today: compliant. */
	private void makeCompliant(long d) {
		var user = PairingFixtures.user(accounts, "county");
		recording.record(new NewActivity(ActivityType.VISIT, today, station, List.of(d), 0, 2, "走访", null, null), user);
		recording.record(
				new NewActivity(ActivityType.PRACTICAL_DEED, today, station, List.of(d), 0, 0, "办实事", null, null),
				user);
		long h = PairingFixtures.household(township, village, "提醒户");
		PairingFixtures.pair(township, h, d, today.toString());
		PairingFixtures.help(township, h, d, today.toString());
	}

	private int inbox(long deputy) {
		return jdbc
			.sql("select count(*) from outbox_message m join app_user u on u.id = m.user_id where u.deputy_id = ? "
					+ "and m.channel = 'INBOX' and m.link = '/obligations/me'")
			.param(deputy)
			.query(Integer.class)
			.single();
	}

	private int sms(long deputy) {
		return jdbc
			.sql("select count(*) from outbox_message where channel = 'SMS' and recipient_name = "
					+ "(select name from deputy where id = ?)")
			.param(deputy)
			.query(Integer.class)
			.single();
	}

	private int claims(long deputy) {
		return jdbc.sql("select count(*) from obligation_reminder where deputy_id = ?")
			.param(deputy)
			.query(Integer.class)
			.single();
	}

	@Test
	void runningTwiceRemindsOncePerDeputyAndQuarterAndNeverTheCompliant() {
		long behind = deputyWithAccount("13911112222");
		long compliant = deputyWithAccount("13911113333");
		makeCompliant(compliant);
		List<Long> both = List.of(behind, compliant);
		assertThat(reminders.remind(reminderDay, both)).isEqualTo(1);
		assertThat(reminders.remind(reminderDay, both)).isZero();
		assertThat(reminders.remind(reminderDay.plusDays(1), both)).isZero();
		assertThat(inbox(behind)).isEqualTo(1);
		assertThat(sms(behind)).isEqualTo(1);
		assertThat(claims(behind)).isEqualTo(1);
		assertThat(inbox(compliant)).isZero();
		assertThat(sms(compliant)).isZero();
		assertThat(claims(compliant)).isZero();
		String text = jdbc
			.sql("select m.body from outbox_message m join app_user u on u.id = m.user_id where u.deputy_id = ? "
					+ "and m.channel = 'INBOX'")
			.param(behind)
			.query(String.class)
			.single();
		assertThat(text).contains("走访群众");
		String subject = jdbc
			.sql("select m.subject from outbox_message m join app_user u on u.id = m.user_id where u.deputy_id = ? "
					+ "and m.channel = 'INBOX'")
			.param(behind)
			.query(String.class)
			.single();
		// the year as a year, not a number with a thousands separator
		assertThat(subject).startsWith(reminderDay.getYear() + "年第" + (reminderDay.getMonthValue() + 2) / 3 + "季度");
	}

	@Test
	void twoNodesAtTheSameMomentSendOneReminderEach() throws Exception {
		List<Long> deputies = List.of(deputyWithAccount("13922221111"), deputyWithAccount("13922223333"),
				deputyWithAccount(null));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Integer>> runs = List.of(0, 1)
				.stream()
				.map(i -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return reminders.remind(reminderDay, deputies);
				}, pool))
				.toList();
			start.countDown();
			int sent = 0;
			for (CompletableFuture<Integer> r : runs) {
				sent += r.get(60, TimeUnit.SECONDS);
			}
			assertThat(sent).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		for (long d : deputies) {
			assertThat(inbox(d)).as("deputy " + d).isEqualTo(1);
			assertThat(claims(d)).isEqualTo(1);
		}
		assertThat(sms(deputies.get(0))).isEqualTo(1);
		assertThat(sms(deputies.get(2))).isZero();
	}

	@Test
	void nothingOutsideTheLastDaysOfAQuarter() {
		long d = deputyWithAccount("13933334444");
		LocalDate quarterStart = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
		// 15 days before the end is the first day; the quarter's first day is too early
		assertThat(reminders.remind(quarterStart, List.of(d))).isZero();
		assertThat(claims(d)).isZero();
		LocalDate end = quarterStart.plusMonths(3).minusDays(1);
		assertThat(reminders.remind(end.minusDays(15), List.of(d))).isEqualTo(1);
	}

}
