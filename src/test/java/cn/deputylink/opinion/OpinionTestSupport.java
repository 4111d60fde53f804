package cn.deputylink.opinion;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the opinion integration tests share: the server's port, the database, the demo
 * fixtures.
 */
abstract class OpinionTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	OpinionFixtures f;

	@BeforeEach
	void setUpFixtures() {
		f = new OpinionFixtures(port);
	}

}
