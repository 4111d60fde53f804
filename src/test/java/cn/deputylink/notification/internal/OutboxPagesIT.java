package cn.deputylink.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.Accounts;
import cn.deputylink.notification.Notifications;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The outbox page says plainly that, with no SMS gateway or mail server configured (as in
 * the tests), messages are logged and not sent; it shows recipients by name with the
 * number masked, and the text.
 */
@IntegrationTest
class OutboxPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withoutAGatewayMessagesShowAsLoggedNotSentWithRecipientsByNameAndTheirText() throws Exception {
		String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
		long handler = accounts.findByUsername("department").orElseThrow().id();
		String handlerName = accounts.findByUsername("department").orElseThrow().displayName();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			notifications.sms("13700" + tag, "张三丰", "您的意见已受理，查询码 Q" + tag);
			notifications.inbox(List.of(handler), "新的交办 " + tag, "请联系 13912345678 核实 " + tag, "/opinions");
		});
		dispatcher.dispatchOnce();

		String page = new FormSession(port).login("county").get("/admin/outbox").body();
		assertThat(page).contains("短信和邮件目前不会真正发出", "没有配置短信网关", "没有配置邮件服务器");
		// the SMS: logged, not "sent"; to whom, masked; what it said
		assertThat(page).contains("张三丰", "137****" + tag.substring(2), "您的意见已受理，查询码 Q" + tag, "未发出（只记入日志）");
		assertThat(page).doesNotContain("13700" + tag);
		// the inbox message: to the handler by name, its text with the number in it
		// masked
		assertThat(page).contains(handlerName, "新的交办 " + tag, "请联系 139****5678 核实 " + tag)
			.doesNotContain("13912345678");

		JsonNode items = Api.as(port, "county").get("/api/v1/admin/outbox?limit=500").json().get("items");
		JsonNode sms = null;
		for (JsonNode n : items) {
			if (n.get("text").asString().contains("Q" + tag)) {
				sms = n;
			}
		}
		assertThat(sms).isNotNull();
		assertThat(sms.get("recipientName").asString()).isEqualTo("张三丰");
		assertThat(sms.get("recipient").asString()).isEqualTo("137****" + tag.substring(2));
		assertThat(sms.get("status").asString()).isEqualTo("SENT");
		assertThat(sms.get("deliveredVia").asString()).isEqualTo("log");
	}

	@Test
	void aConstituentsAcknowledgementCarriesTheirName() {
		Api county = Api.as(port, "county");
		long village = county.get("/api/v1/villages?limit=1").json().get("items").get(0).get("id").asLong();
		String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
		var submitted = Api.anonymous(port)
			.post("/api/v1/public/opinions", Api.json(Map.of("villageId", village, "content", "村里的路灯坏了三盏，晚上出行不便",
					"constituent", Map.of("name", "王小二", "phone", phone, "anonymous", false))));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String name = jdbc
			.sql("select recipient_name from outbox_message where channel = 'SMS' order by id desc limit 1")
			.query(String.class)
			.single();
		assertThat(name).isEqualTo("王小二");
	}

}
