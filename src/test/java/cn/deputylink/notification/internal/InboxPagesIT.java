package cn.deputylink.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.account.Accounts;
import cn.deputylink.notification.Notifications;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/** The inbox and outbox pages with a browser's cookies and CSRF tokens. */
@IntegrationTest
class InboxPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Accounts accounts;

	@Test
	void unreadMessagesAreBoldAndCountedUntilRead() throws Exception {
		long user = accounts.findByUsername("liaison").orElseThrow().id();
		String tag = "页面消息" + System.nanoTime();
		notifications.inbox(List.of(user), tag, "请查看", "/org/stations");
		dispatcher.dispatchOnce();

		FormSession s = new FormSession(port).login("liaison");
		String page = s.get("/inbox").body();
		assertThat(page).contains(tag, "class=\"unread\"", "badge count");
		long id = Api.as(port, "liaison").get("/api/v1/inbox").json().get("items").get(0).get("id").asLong();

		assertThat(s.post("/inbox/" + id + "/open", Map.of(), false).statusCode()).as("no CSRF token").isEqualTo(403);
		HttpResponse<String> open = s.post("/inbox/" + id + "/open", Map.of(), true);
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location").orElseThrow()).endsWith("/org/stations");

		assertThat(new FormSession(port).login("deputy").post("/inbox/" + id + "/open", Map.of(), false).statusCode())
			.isEqualTo(403);
		FormSession other = new FormSession(port).login("deputy");
		other.get("/inbox");
		assertThat(other.post("/inbox/" + id + "/open", Map.of(), true).statusCode()).isEqualTo(404);

		notifications.inbox(List.of(user), tag + "-2", "再一条", null);
		dispatcher.dispatchOnce();
		s.get("/inbox");
		assertThat(s.post("/inbox/read-all", Map.of(), true).statusCode()).isEqualTo(302);
		String after = s.get("/inbox").body();
		assertThat(after).contains(tag + "-2").doesNotContain("class=\"unread\"", "badge count");
	}

	@Test
	void onlyCountyAdminsSeeTheOutbox() throws Exception {
		notifications.sms("13612345678", "队列页面");
		FormSession county = new FormSession(port).login("county");
		HttpResponse<String> page = county.get("/admin/outbox");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("发送队列", "136****5678").doesNotContain("13612345678");
		assertThat(county.get("/admin/outbox?status=FAILED").statusCode()).isEqualTo(200);
		assertThat(county.get("/admin/outbox?lang=en").body()).contains("Outbox");
		assertThat(new FormSession(port).login("township").get("/admin/outbox").statusCode()).isEqualTo(403);
	}

}
