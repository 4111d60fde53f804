package cn.deputylink.demo;

import org.springframework.context.annotation.Import;
import cn.deputylink.support.DemoPrepared;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;

/**
 * The demo on an H2 file database, as
 * {@code mvn spring-boot:run -Dspring-boot.run.profiles=demo} runs it, with H2's trace
 * file at H2's own default level (errors): seeding the county and walking the pages and
 * lists of every role must not make a single query fail, so the trace file is never
 * written. (A failed query is written there with its stack trace; the demo once wrote 170
 * MB in 20 minutes.) The default database URL also turns the trace file off, so that
 * nothing can grow it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deputylink.demo.enabled=true", "deputylink.notifications.dispatcher-enabled=false",
				"deputylink.opinions.overdue-notices-enabled=false" })
@ContextConfiguration(initializers = H2TraceFileIT.FileDatabase.class)
@Import(DemoPrepared.class)
class H2TraceFileIT {

	static Path dir;

	/**
	 * An H2 file database in a fresh data directory, with the trace file left at H2's
	 * default level.
	 */
	static class FileDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			try {
				dir = Files.createTempDirectory("deputylink-trace");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("trace-test", Map
					.of("deputylink.data-dir", dir.toString(), "spring.datasource.url", "jdbc:h2:file:" + dir
							+ "/deputylink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=1")));
		}

	}

	@LocalServerPort
	int port;

	@Test
	void theDemoWritesNothingToTheTraceFile() throws Exception {
		List<String> pages = List.of("/dashboard", "/opinions", "/opinions?overdue=true", "/opinions?deadline=YELLOW",
				"/opinions?escalated=true", "/opinions/new", "/opinions/1", "/opinions/5", "/opinions/13", "/inbox",
				"/org/townships", "/org/stations", "/org/deputies", "/org/departments", "/org/categories",
				"/admin/routing", "/admin/calendar", "/admin/audit", "/admin/users", "/public/opinions/new",
				"/public/opinions/track");
		for (String role : List.of("county", "township", "liaison", "deputy", "department")) {
			FormSession s = new FormSession(port).login(role);
			for (String page : pages) {
				assertThat(s.get(page).statusCode()).as(role + " " + page).isLessThan(500);
			}
			Api api = Api.as(port, role);
			for (String path : List.of("/api/v1/opinions", "/api/v1/stations", "/api/v1/deputies",
					"/api/v1/departments", "/api/v1/categories", "/api/v1/routing-rules", "/api/v1/inbox",
					"/api/v1/opinions/5", "/api/v1/opinions/5/duplicates", "/api/v1/stations/1", "/api/v1/deputies/1",
					"/api/v1/departments/1")) {
				assertThat(api.get(path).status()).as(role + " " + path).isLessThan(500);
			}
		}
		Path trace = dir.resolve("deputylink.trace.db");
		assertThat(Files.exists(trace) ? Files.readString(trace) : "").as("H2 trace file").isEmpty();
	}

	@Test
	void theDefaultDatabaseUrlKeepsNoTraceFile() throws IOException {
		Properties p = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			p.load(in);
		}
		assertThat(p.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:").contains(";TRACE_LEVEL_FILE=0");
	}

}
