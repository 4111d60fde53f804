package cn.deputylink.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * On a database with no users, creates {@code admin} (county admin) with a random
 * password that is written to {@code <data-dir>/initial-admin-password} (owner-only) —
 * never to the log, which others may read and which is kept — and must be changed at
 * first login. With several nodes starting at once, one wins; the others see the account
 * exists.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final Accounts accounts;

	private final Path dataDir;

	InitialAdmin(Accounts accounts, @Value("${deputylink.data-dir}") String dataDir) {
		this.accounts = accounts;
		this.dataDir = Path.of(dataDir);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (accounts.count() > 0) {
			return;
		}
		String password = PasswordPolicy.generate();
		try {
			accounts.create(new NewUser("admin", password, "系统管理员", Role.COUNTY_ADMIN, null, null, null, null, true),
					null);
		}
		catch (ConflictException raced) {
			return;
		}
		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("initial-admin-password");
		Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
		PersonalDataCipher.OwnerOnly.restrict(file);
		log.warn("""

				==============================================================
				 First start: created the county administrator account
				   username: admin
				   password: in {} (readable by this user only;
				             it must be changed at first login, then delete the file)
				==============================================================""", file.toAbsolutePath());
	}

}
