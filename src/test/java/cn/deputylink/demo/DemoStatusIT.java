package cn.deputylink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.IntegrationTest;

/**
 * Once the demo's background work is written (the tests' context waits for it), the
 * status fragment says so with HTTP 286, which stops the banner's polling, and the pages
 * show no banner.
 */
@IntegrationTest
class DemoStatusIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoStatus status;

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Language", "zh-CN")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void preparedAfterStartUp() throws Exception {
		assertThat(status.preparing()).isFalse();
		assertThat(status.failed()).isFalse();
		HttpResponse<String> fragment = get("/public/demo-status");
		assertThat(fragment.statusCode()).isEqualTo(286);
		assertThat(fragment.body()).contains("演示数据已生成").doesNotContain("hx-get");
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).doesNotContain("demo-preparation");
	}

}
