package cn.deputylink.shell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The language and large-text switches lead back to the same page with its query, also
 * from a form shown again after a failed post; the menu marks where the user is.
 */
@IntegrationTest
class ShellSwitchesIT {

	@LocalServerPort
	int port;

	/** The href of the link with that text or attribute, HTML entities undone. */
	private static String href(String page, String marker) {
		Matcher m = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + Pattern.quote(marker) + "</a>").matcher(page);
		assertThat(m.find()).as("link " + marker).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	@Test
	void theSwitchesReturnToTheSamePageWithItsQuery() throws Exception {
		FormSession s = new FormSession(port).login("county");
		String page = s.get("/org/stations?q=%E4%B8%AD%E5%BF%83&active=true").body();
		assertThat(href(page, "English")).isEqualTo("/org/stations?q=%E4%B8%AD%E5%BF%83&active=true&lang=en");
		assertThat(href(page, "大字版")).isEqualTo("/org/stations?q=%E4%B8%AD%E5%BF%83&active=true&text=large");

		// after switching, the switch back does not pile the parameters up
		String english = s.get("/org/stations?q=%E4%B8%AD%E5%BF%83&lang=en&text=large").body();
		assertThat(href(english, "中文")).isEqualTo("/org/stations?q=%E4%B8%AD%E5%BF%83&lang=zh_CN");
		assertThat(english).contains("large-text");
		s.get("/org/stations?lang=zh_CN&text=normal");
	}

	@Test
	void aFormShownAgainAfterAFailedPostSwitchesBackToThatForm() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/org/townships/new");
		var failed = s.post("/org/townships", Map.of("code", "BAD CODE!", "name", "保留的名称"), true);
		assertThat(failed.body()).contains("请修改下面标出的内容", "保留的名称");
		assertThat(href(failed.body(), "English")).isEqualTo("/org/townships/new?lang=en");
		assertThat(href(failed.body(), "大字版")).isEqualTo("/org/townships/new?text=large");
	}

	@Test
	void aRefererFromElsewhereLeadsHome() {
		ShellAdvice shell = new ShellAdvice(false);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/org/townships");
		post.setServerName("localhost");
		post.addHeader("Referer", "http://evil.example/org/townships/new?x=1");
		assertThat(shell.selfPath(post)).isEqualTo("/");
		MockHttpServletRequest ours = new MockHttpServletRequest("POST", "/org/townships");
		ours.setServerName("localhost");
		ours.addHeader("Referer", "http://localhost:8080/org/townships/new?lang=en&x=1");
		assertThat(shell.selfPath(ours)).isEqualTo("/org/townships/new?x=1");
		MockHttpServletRequest none = new MockHttpServletRequest("POST", "/org/townships");
		assertThat(shell.selfPath(none)).isEqualTo("/");
		assertThat(ShellAdvice.safe("//evil.example/x", null)).isEqualTo("/");
		assertThat(ShellAdvice.safe("/\\evil.example", null)).isEqualTo("/");
		assertThat(ShellAdvice.safe("/org/stations", "lang=en&q=a&text=large")).isEqualTo("/org/stations?q=a");
	}

	@Test
	void theMenuMarksWhereTheUserIsAndHoldsTheCountysFifteenItems() throws Exception {
		FormSession s = new FormSession(port).login("county");
		String page = s.get("/org/stations/new").body();
		Matcher current = Pattern.compile("<a href=\"([^\"]*)\"[^>]*aria-current=\"page\"").matcher(page);
		assertThat(current.find()).isTrue();
		assertThat(current.group(1)).isEqualTo("/org/stations");
		assertThat(current.find()).as("one current item").isFalse();
		assertThat(page).contains("class=\"menu-current\">工作室<");
		String nav = page.substring(page.indexOf("<ul id=\"mainnav-items\">"),
				page.indexOf("</ul>", page.indexOf("mainnav-items")));
		assertThat(Pattern.compile("<li>").matcher(nav).results().count()).isEqualTo(23);

		assertThat(s.get("/admin/users").body()).containsPattern("href=\"/admin/users\"[^>]*aria-current=\"page\"");
		assertThat(s.get("/org/villages/import").body())
			.containsPattern("href=\"/org/townships\"[^>]*aria-current=\"page\"");
		assertThat(s.get("/account/password").body()).doesNotContain("aria-current");
		// the review queue is an item of its own, not the activity list's
		String review = s.get("/activities/review").body();
		assertThat(review).containsPattern("href=\"/activities/review\"[^>]*aria-current=\"page\"")
			.doesNotContainPattern("href=\"/activities\"[^>]*aria-current=\"page\"");
	}

}
