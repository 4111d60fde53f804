package cn.deputylink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.IntegrationTest;

/**
 * While the demo's work is being written, the pages (the sign-in page too, in both
 * languages) carry the banner that polls the status fragment, and the fragment answers
 * "still preparing" (200, polling on); afterwards "ready" with 286, which stops it.
 */
@IntegrationTest
class DemoBannerIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoPreparation preparation;

	private HttpResponse<String> get(String path, String language) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", "dl-lang=" + language)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void bannerWhilePreparing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		preparation.start(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			HttpResponse<String> login = get("/login", "zh");
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.body()).contains("id=\"demo-preparation\"")
				.contains("hx-get=\"/public/demo-status\"")
				.contains("正在后台生成");
			assertThat(get("/login", "en").body()).contains("is being generated in the background");
			HttpResponse<String> fragment = get("/public/demo-status", "zh");
			assertThat(fragment.statusCode()).isEqualTo(200);
			assertThat(fragment.body()).contains("hx-trigger=\"every 3s\"");
		}
		finally {
			release.countDown();
		}
		assertThat(preparation.awaitPrepared(Duration.ofSeconds(10))).isTrue();
		HttpResponse<String> done = get("/public/demo-status", "zh");
		assertThat(done.statusCode()).isEqualTo(286);
		assertThat(done.body()).contains("演示数据已生成");
		assertThat(get("/login", "zh").body()).doesNotContain("demo-preparation");
	}

}
