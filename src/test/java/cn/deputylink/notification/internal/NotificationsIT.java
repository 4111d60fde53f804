package cn.deputylink.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.Role;
import cn.deputylink.notification.Notifications;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox end to end on the real database: transactions, claims between two nodes,
 * retries, expired leases, the HTTP SMS gateway, and the inbox API. The scheduled
 * dispatcher is off in tests; each test runs dispatchers itself, with a clock it
 * controls.
 */
@IntegrationTest
class NotificationsIT {

	private static final RetryPolicy RETRIES = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 3);

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxMessages outbox;

	@Autowired
	InboxMessages inbox;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dispatcher applicationDispatcher;

	@Autowired
	Accounts accounts;

	/** A clock the test moves by hand. */
	static final class TestClock extends Clock {

		private volatile Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);

		@Override
		public ZoneId getZone() {
			return ZoneId.systemDefault();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration d) {
			now = now.plus(d);
		}

	}

	/** A channel that counts what it is asked to send and fails while told to. */
	static final class Recording implements Channel {

		final Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();

		volatile boolean failing;

		/**
		 * A send that takes a moment, as a real one does: it widens the window a double
		 * claim needs.
		 */
		volatile long millis;

		final boolean idempotent;

		Recording(boolean idempotent) {
			this.idempotent = idempotent;
		}

		@Override
		public void send(OutboxMessage m) throws IOException {
			sends.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
			if (millis > 0) {
				try {
					Thread.sleep(millis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (failing) {
				throw new IOException("gateway down");
			}
		}

		int sent(long id) {
			AtomicInteger n = sends.get(id);
			return n == null ? 0 : n.get();
		}

		@Override
		public boolean idempotent() {
			return idempotent;
		}

		@Override
		public String describe() {
			return "recording";
		}

	}

	private Dispatcher dispatcher(String node, Clock clock, Channel sms, int batch) {
		return dispatcher(node, clock, sms, new LogChannel(Medium.EMAIL), batch, 8);
	}

	private Dispatcher dispatcher(String node, Clock clock, Channel sms, Channel email, int batch, int parallelism) {
		Channels channels = new Channels(
				Map.of(Medium.INBOX, new InboxChannel(inbox, clock), Medium.SMS, sms, Medium.EMAIL, email));
		return new Dispatcher(outbox, channels, cipher, new TransactionTemplate(transactions), clock, RETRIES,
				Duration.ofMinutes(2), batch, node, parallelism);
	}

	/** A recording channel that also notes how many of its sends ran at the same time. */
	static final class Concurrent implements Channel {

		final Recording recording = new Recording(false);

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		@Override
		public void send(OutboxMessage m) throws IOException {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				recording.send(m);
			}
			finally {
				running.decrementAndGet();
			}
		}

		@Override
		public String describe() {
			return "concurrent";
		}

	}

	/**
	 * A transactional channel (as the inbox is) that refuses one message and records the
	 * rest.
	 */
	static final class RefusingOne implements Channel {

		final Set<Long> delivered = ConcurrentHashMap.newKeySet();

		final AtomicInteger batches = new AtomicInteger();

		volatile long refused = -1;

		@Override
		public void send(OutboxMessage m) throws IOException {
			if (m.id() == refused) {
				throw new IOException("refused " + m.id());
			}
			delivered.add(m.id());
		}

		@Override
		public void sendAll(List<OutboxMessage> messages) throws Exception {
			batches.incrementAndGet();
			Set<Long> before = Set.copyOf(delivered);
			try {
				Channel.super.sendAll(messages);
			}
			catch (Exception ex) {
				// the dispatcher rolls the batch back: so does this "database"
				delivered.retainAll(before);
				throw ex;
			}
		}

		@Override
		public boolean transactional() {
			return true;
		}

		@Override
		public String describe() {
			return "refusing-one";
		}

	}

	private TransactionTemplate tx() {
		return new TransactionTemplate(transactions);
	}

	private long userId(String demoUser) {
		return accounts.findByUsername(demoUser).orElseThrow().id();
	}

	private long lastOutboxId() {
		return jdbc.sql("select max(id) from outbox_message").query(Long.class).single();
	}

	private OutboxMessages.Stored row(long id) {
		return outbox.find(id).orElseThrow();
	}

	private List<String> inboxSubjects(String demoUser) {
		List<String> subjects = new ArrayList<>();
		Api.as(port, demoUser)
			.get("/api/v1/inbox?limit=500")
			.json()
			.get("items")
			.forEach(i -> subjects.add(i.get("subject").asString()));
		return subjects;
	}

	@Test
	void aRolledBackTransactionLeavesNoMessage() {
		long user = userId("deputy");
		String tag = "回滚" + System.nanoTime();
		tx().executeWithoutResult(status -> {
			notifications.inbox(List.of(user), tag, "不应出现", null);
			notifications.sms("13800000001", tag);
			notifications.email("rollback@example.cn", tag, tag);
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from outbox_message where subject = :t or body = :t")
			.param("t", tag)
			.query(Integer.class)
			.single()).isZero();
		tx().executeWithoutResult(status -> notifications.inbox(List.of(user), tag, "提交了", null));
		assertThat(jdbc.sql("select count(*) from outbox_message where subject = :t")
			.param("t", tag)
			.query(Integer.class)
			.single()).isEqualTo(1);
		applicationDispatcher.dispatchOnce();
		assertThat(inboxSubjects("deputy")).containsOnlyOnce(tag);
	}

	@Test
	void anInboxMessageArrivesOnceHoweverOftenTheDispatcherRuns() {
		long user = userId("liaison");
		String tag = "只一次" + System.nanoTime();
		notifications.inbox(List.of(user, user), tag, "正文", "/inbox");
		long id = lastOutboxId();
		assertThat(row(id).status()).isEqualTo(OutboxStatus.PENDING);
		applicationDispatcher.dispatchOnce();
		applicationDispatcher.dispatchOnce();
		assertThat(inboxSubjects("liaison")).containsOnlyOnce(tag);
		assertThat(inboxSubjects("deputy")).doesNotContain(tag);
		assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
		assertThat(row(id).attempts()).isEqualTo(1);
		assertThat(row(id).sentAt()).isNotNull();
	}

	@Test
	void twoNodesDeliverEachMessageExactlyOnce() throws Exception {
		long user = userId("township");
		String tag = "并发" + System.nanoTime();
		List<Long> inboxIds = new ArrayList<>();
		List<Long> smsIds = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			notifications.inbox(List.of(user), tag + "-" + i, "正文", null);
			inboxIds.add(lastOutboxId());
			notifications.sms("1380000" + String.format("%04d", i), tag + "-" + i);
			smsIds.add(lastOutboxId());
		}
		Clock clock = Clock.systemDefaultZone();
		Recording sms = new Recording(false);
		sms.millis = 3;
		Dispatcher a = dispatcher("node-a", clock, sms, 5);
		Dispatcher b = dispatcher("node-b", clock, sms, 5);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (Dispatcher d : List.of(a, b)) {
				runs.add(pool.submit(() -> {
					start.await();
					int delivered = 0;
					for (int i = 0; i < 20; i++) {
						delivered += d.dispatchOnce();
					}
					return delivered;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> f : runs) {
				total += f.get(60, TimeUnit.SECONDS);
			}
			assertThat(total).isGreaterThanOrEqualTo(100);
		}
		finally {
			pool.shutdownNow();
		}
		eachDeliveredOnce(sms, smsIds, inboxIds);
		List<String> claimants = jdbc
			.sql("select distinct claimed_by from outbox_message where body like :t or subject like :t")
			.param("t", tag + "%")
			.query(String.class)
			.list();
		assertThat(claimants).containsAnyOf("node-a", "node-b");
		assertThat(jdbc
			.sql("select count(*) from inbox_message m join outbox_message o on o.id = m.outbox_id "
					+ "where o.subject like :t")
			.param("t", tag + "%")
			.query(Integer.class)
			.single()).isEqualTo(50);
	}

	@Test
	void aFailingChannelIsRetriedWithBackoffAndThenFails() {
		TestClock clock = new TestClock();
		Recording sms = new Recording(false);
		sms.failing = true;
		Dispatcher d = dispatcher("node-f", clock, sms, 20);
		notifications.sms("13900000002", "重试" + System.nanoTime());
		long id = lastOutboxId();

		d.dispatchOnce();
		assertThat(sms.sent(id)).isEqualTo(1);
		OutboxMessages.Stored r = row(id);
		assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(r.attempts()).isEqualTo(1);
		assertThat(r.lastError()).contains("gateway down");
		assertThat(Duration.between(clock.instant(), r.nextAttemptAt().toInstant())).isEqualTo(Duration.ofSeconds(30));

		d.dispatchOnce();
		clock.advance(Duration.ofSeconds(29));
		d.dispatchOnce();
		assertThat(sms.sent(id)).as("not before the backoff").isEqualTo(1);

		clock.advance(Duration.ofSeconds(1));
		d.dispatchOnce();
		assertThat(sms.sent(id)).isEqualTo(2);
		assertThat(row(id).status()).isEqualTo(OutboxStatus.PENDING);
		assertThat(Duration.between(clock.instant(), row(id).nextAttemptAt().toInstant()))
			.isEqualTo(Duration.ofSeconds(60));

		clock.advance(Duration.ofSeconds(59));
		d.dispatchOnce();
		assertThat(sms.sent(id)).isEqualTo(2);
		clock.advance(Duration.ofSeconds(1));
		d.dispatchOnce();
		assertThat(sms.sent(id)).isEqualTo(3);
		assertThat(row(id).status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(row(id).attempts()).isEqualTo(3);

		clock.advance(Duration.ofDays(1));
		d.dispatchOnce();
		assertThat(sms.sent(id)).as("a FAILED message stays failed").isEqualTo(3);

		// a county admin sends it again; the gateway is back
		Api county = Api.as(port, "county");
		assertThat(county.get("/api/v1/admin/outbox?status=FAILED&limit=500").body()).contains("\"id\":" + id);
		assertThat(Api.as(port, "township").post("/api/v1/admin/outbox/" + id + "/retry", "").status()).isEqualTo(403);
		var retried = county.post("/api/v1/admin/outbox/" + id + "/retry", "");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("status").asString()).isEqualTo("PENDING");
		sms.failing = false;
		d.dispatchOnce();
		assertThat(sms.sent(id)).isEqualTo(4);
		assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
		assertThat(county.post("/api/v1/admin/outbox/" + id + "/retry", "").status()).isEqualTo(409);
		assertThat(county.post("/api/v1/admin/outbox/999999999/retry", "").status()).isEqualTo(404);
	}

	@Test
	void aMessageStuckInSendingBecomesUncertainAndIsNotSentAgain() {
		TestClock clock = new TestClock();
		Recording sms = new Recording(false);
		Dispatcher d = dispatcher("node-survivor", clock, sms, 20);
		notifications.sms("13700000003", "卡住" + System.nanoTime());
		long stuck = lastOutboxId();
		// a node claimed it and died mid-send
		jdbc.sql(
				"update outbox_message set status = 'SENDING', attempts = 1, claimed_by = 'node-dead', lease_until = :t where id = :id")
			.param("t", OffsetDateTime.now(clock).plusMinutes(2))
			.param("id", stuck)
			.update();

		d.dispatchOnce();
		assertThat(row(stuck).status()).as("the lease still runs").isEqualTo(OutboxStatus.SENDING);
		clock.advance(Duration.ofMinutes(3));
		d.dispatchOnce();
		d.dispatchOnce();
		assertThat(row(stuck).status()).isEqualTo(OutboxStatus.UNCERTAIN);
		assertThat(row(stuck).lastError()).contains("node-dead");
		assertThat(sms.sent(stuck)).isZero();

		var listed = Api.as(port, "county").get("/api/v1/admin/outbox?status=UNCERTAIN&limit=500").json().get("items");
		JsonNode entry = null;
		for (JsonNode n : listed) {
			if (n.get("id").asLong() == stuck) {
				entry = n;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.get("recipient").asString()).isEqualTo("137****0003");
		assertThat(Api.as(port, "deputy").get("/api/v1/admin/outbox").status()).isEqualTo(403);

		// through a channel that recognises repeats, the same situation is simply sent
		// again
		Recording idempotent = new Recording(true);
		Dispatcher e = dispatcher("node-survivor-2", clock, idempotent, 20);
		notifications.sms("13700000004", "卡住2" + System.nanoTime());
		long again = lastOutboxId();
		jdbc.sql(
				"update outbox_message set status = 'SENDING', attempts = 1, claimed_by = 'node-dead', lease_until = :t where id = :id")
			.param("t", OffsetDateTime.now(clock).minusSeconds(1))
			.param("id", again)
			.update();
		e.dispatchOnce();
		assertThat(idempotent.sent(again)).isEqualTo(1);
		assertThat(row(again).status()).isEqualTo(OutboxStatus.SENT);
		assertThat(idempotent.sent(stuck)).isZero();
	}

	@Test
	void theHttpGatewayGetsJsonWithTheIdempotencyKeyAndA500IsRetried() throws Exception {
		List<String> bodies = new CopyOnWriteArrayList<>();
		List<String> keys = new CopyOnWriteArrayList<>();
		List<String> auth = new CopyOnWriteArrayList<>();
		List<Integer> answers = Collections.synchronizedList(new ArrayList<>(List.of(500, 200)));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sms", exchange -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
			auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
			int status = answers.isEmpty() ? 200 : answers.remove(0);
			byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, out.length);
			exchange.getResponseBody().write(out);
			exchange.close();
		});
		server.start();
		try {
			TestClock clock = new TestClock();
			Channel gateway = new HttpSmsChannel("http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
					"secret-token", Duration.ofSeconds(10), false);
			Dispatcher d = dispatcher("node-http", clock, gateway, 20);
			String text = "您反映的问题已办结" + System.nanoTime();
			notifications.sms("13812345678", text);
			long id = lastOutboxId();
			assertThat(jdbc.sql("select recipient from outbox_message where id = :id")
				.param("id", id)
				.query(String.class)
				.single()).as("stored encrypted").doesNotContain("13812345678");

			d.dispatchOnce();
			assertThat(bodies).hasSize(1);
			assertThat(row(id).status()).isEqualTo(OutboxStatus.PENDING);
			assertThat(row(id).lastError()).contains("500");

			clock.advance(Duration.ofSeconds(30));
			d.dispatchOnce();
			assertThat(bodies).hasSize(2);
			assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);

			JsonNode json = JsonMapper.builder().build().readTree(bodies.get(1));
			assertThat(json.get("to").asString()).isEqualTo("13812345678");
			assertThat(json.get("text").asString()).isEqualTo(text);
			assertThat(json.get("id").asLong()).isEqualTo(id);
			assertThat(keys).containsExactly(String.valueOf(id), String.valueOf(id));
			assertThat(auth).containsOnly("Bearer secret-token");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aMessageToTheDepartmentReachesItsHandlerAndNobodyElse() {
		Api department = Api.as(port, "department");
		long departmentId = department.get("/api/v1/me").json().get("departmentId").asLong();
		String tag = "交办" + System.nanoTime();
		tx().executeWithoutResult(s -> notifications
			.inbox(accounts.userIdsWith(Role.DEPARTMENT_HANDLER, null, departmentId), tag, "请在15个工作日内办理", "/opinions"));
		long townshipId = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		String toAdmins = "乡镇" + System.nanoTime();
		notifications.inbox(accounts.userIdsWith(Role.TOWNSHIP_ADMIN, townshipId, null), toAdmins, "请查收", null);
		applicationDispatcher.dispatchOnce();
		applicationDispatcher.dispatchOnce();

		assertThat(inboxSubjects("department")).containsOnlyOnce(tag).doesNotContain(toAdmins);
		assertThat(inboxSubjects("township")).containsOnlyOnce(toAdmins).doesNotContain(tag);
		assertThat(inboxSubjects("county")).doesNotContain(tag, toAdmins);

		JsonNode item = null;
		for (JsonNode n : department.get("/api/v1/inbox").json().get("items")) {
			if (n.get("subject").asString().equals(tag)) {
				item = n;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.get("link").asString()).isEqualTo("/opinions");
		assertThat(item.get("readAt").isNull()).isTrue();
		long id = item.get("id").asLong();
		assertThat(Api.as(port, "township").post("/api/v1/inbox/" + id + "/read", "").status()).isEqualTo(404);
		assertThat(department.post("/api/v1/inbox/" + id + "/read", "").status()).isEqualTo(204);
		for (JsonNode n : department.get("/api/v1/inbox").json().get("items")) {
			if (n.get("id").asLong() == id) {
				assertThat(n.get("readAt").isNull()).isFalse();
			}
		}
	}

	@Test
	void theInboxApiPagesWithACursor() {
		long user = userId("deputy");
		String tag = "分页" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			notifications.inbox(List.of(user), tag + i, "正文", null);
		}
		applicationDispatcher.dispatchOnce();
		Api deputy = Api.as(port, "deputy");
		JsonNode first = deputy.get("/api/v1/inbox?limit=2").json();
		assertThat(first.get("items").size()).isEqualTo(2);
		assertThat(first.get("items").get(0).get("subject").asString()).isEqualTo(tag + 2);
		String cursor = first.get("nextCursor").asString();
		JsonNode second = deputy.get("/api/v1/inbox?limit=2&cursor=" + cursor).json();
		assertThat(second.get("items").get(0).get("subject").asString()).isEqualTo(tag + 0);
		assertThat(Api.anonymous(port).get("/api/v1/inbox").status()).isEqualTo(401);
	}

	@Test
	void smsOfOneBatchGoOutInParallelAndEachOnce() {
		String tag = "并行" + System.nanoTime();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			notifications.sms("1360000" + String.format("%04d", i), tag + "-" + i);
			ids.add(lastOutboxId());
		}
		Concurrent sms = new Concurrent();
		sms.recording.millis = 40;
		Dispatcher d = dispatcher("node-parallel", Clock.systemDefaultZone(), sms, new LogChannel(Medium.EMAIL), 100,
				8);
		d.dispatchOnce();
		d.dispatchOnce();
		for (long id : ids) {
			assertThat(sms.recording.sent(id)).as("SMS %d", id).isEqualTo(1);
			assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
			assertThat(row(id).attempts()).isEqualTo(1);
			assertThat(row(id).deliveredVia()).isEqualTo("concurrent");
		}
		assertThat(sms.most.get()).as("sends at the same time").isGreaterThan(1).isLessThanOrEqualTo(8);
	}

	@Test
	void inboxMessagesOfABatchArriveTogetherAndAFailureCountsOnlyAgainstItsMessage() {
		long user = userId("deputy");
		String tag = "批量" + System.nanoTime();
		notifications.inbox(List.of(user), tag + "-first", "正文", null);
		long first = lastOutboxId();
		for (int i = 0; i < 29; i++) {
			notifications.inbox(List.of(user), tag + "-" + i, "正文", null);
		}
		long last = lastOutboxId();
		applicationDispatcher.dispatchOnce();
		assertThat(jdbc.sql("select count(*) from inbox_message where outbox_id between :a and :b")
			.param("a", first)
			.param("b", last)
			.query(Integer.class)
			.single()).isEqualTo(30);
		assertThat(jdbc.sql("select count(distinct sent_at) from outbox_message where id between :a and :b")
			.param("a", first)
			.param("b", last)
			.query(Integer.class)
			.single()).as("one claim for the batch").isEqualTo(1);
		assertThat(row(last).deliveredVia()).isEqualTo("inbox");

		// a transactional channel that refuses one message of a batch: the others arrive,
		// it alone counts an attempt
		RefusingOne email = new RefusingOne();
		List<Long> emails = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			notifications.email("batch" + i + "@example.cn", tag + "-mail-" + i, "正文");
			emails.add(lastOutboxId());
		}
		email.refused = emails.get(2);
		Dispatcher d = dispatcher("node-batch", Clock.systemDefaultZone(), new LogChannel(Medium.SMS), email, 100, 4);
		d.dispatchOnce();
		for (long id : emails) {
			if (id == email.refused) {
				assertThat(row(id).status()).isEqualTo(OutboxStatus.PENDING);
				assertThat(row(id).attempts()).isEqualTo(1);
				assertThat(row(id).lastError()).contains("refused");
				assertThat(email.delivered).doesNotContain(id);
			}
			else {
				assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
				assertThat(row(id).attempts()).isEqualTo(1);
				assertThat(email.delivered).contains(id);
			}
		}
	}

	@Test
	void threeParallelBatchingNodesSendEveryMessageOnce() throws Exception {
		long user = userId("township");
		String tag = "三节点" + System.nanoTime();
		List<Long> smsIds = new ArrayList<>();
		List<Long> inboxIds = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			notifications.sms("1350000" + String.format("%04d", i), tag + "-" + i);
			smsIds.add(lastOutboxId());
			notifications.inbox(List.of(user), tag + "-" + i, "正文", null);
			inboxIds.add(lastOutboxId());
		}
		Recording sms = new Recording(false);
		sms.millis = 5;
		Clock clock = Clock.systemDefaultZone();
		List<Dispatcher> nodes = List.of(dispatcher("node-x", clock, sms, new LogChannel(Medium.EMAIL), 30, 6),
				dispatcher("node-y", clock, sms, new LogChannel(Medium.EMAIL), 30, 6),
				dispatcher("node-z", clock, sms, new LogChannel(Medium.EMAIL), 30, 6));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (Dispatcher d : nodes) {
				runs.add(pool.submit(() -> {
					start.await();
					int delivered = 0;
					for (int i = 0; i < 10; i++) {
						delivered += d.dispatchOnce();
					}
					return delivered;
				}));
			}
			start.countDown();
			for (Future<Integer> f : runs) {
				f.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		eachDeliveredOnce(sms, smsIds, inboxIds);
	}

	@Test
	void theDispatcherIsWokenOnceAfterACommitAndNeverAfterARollback() {
		DispatchSignal signal = new DispatchSignal();
		AtomicInteger raised = new AtomicInteger();
		signal.listen(raised::incrementAndGet);
		tx().executeWithoutResult(status -> {
			signal.raiseAfterCommit();
			signal.raiseAfterCommit();
			assertThat(raised).as("not before the commit").hasValue(0);
		});
		assertThat(raised).as("once for the transaction").hasValue(1);
		tx().executeWithoutResult(status -> {
			signal.raiseAfterCommit();
			status.setRollbackOnly();
		});
		assertThat(raised).as("a rolled-back transaction queued nothing").hasValue(1);
		signal.raiseAfterCommit();
		assertThat(raised).as("without a transaction, at once").hasValue(2);
	}

	/**
	 * Every SMS went out once, in one attempt, and every in-app message is in one inbox.
	 */
	private void eachDeliveredOnce(Recording sms, List<Long> smsIds, List<Long> inboxIds) {
		for (long id : smsIds) {
			assertThat(sms.sent(id)).as("SMS %d", id).isEqualTo(1);
			assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
			assertThat(row(id).attempts()).isEqualTo(1);
		}
		for (long id : inboxIds) {
			assertThat(jdbc.sql("select count(*) from inbox_message where outbox_id = :id")
				.param("id", id)
				.query(Integer.class)
				.single()).as("inbox for %d", id).isEqualTo(1);
			assertThat(row(id).status()).isEqualTo(OutboxStatus.SENT);
		}
	}

}
