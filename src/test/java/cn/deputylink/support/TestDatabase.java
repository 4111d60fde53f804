package cn.deputylink.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 database, or
 * a new schema in the local PostgreSQL server ({@code -Ddeputylink.test.db=postgres}).
 * Flyway builds the schema either way, so both databases are tested with the real
 * migrations.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PG_URL = System.getProperty("deputylink.test.pg-url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("deputylink.test.db"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Map<String, Object> props = new HashMap<>();
		try {
			props.put("deputylink.data-dir", Files.createTempDirectory("deputylink-test").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (postgres()) {
			try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
				c.createStatement().execute("create schema " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(
						"PostgreSQL at " + PG_URL + " is needed for -Ddeputylink.test.db=postgres", ex);
			}
			props.put("spring.datasource.url", PG_URL + "?currentSchema=" + name);
			props.put("spring.datasource.username", "postgres");
			props.put("spring.datasource.password", "");
			props.put("spring.flyway.schemas", name);
		}
		else {
			props.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", props));
	}

}
