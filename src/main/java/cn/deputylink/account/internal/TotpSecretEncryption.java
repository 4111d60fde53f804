package cn.deputylink.account.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.PersonalDataCipher;

/**
 * Second-factor secrets stored in plain text by earlier versions are encrypted at
 * start-up, like ID numbers. Each row is rewritten only if still plain, so nodes starting
 * together do no harm.
 */
@Component
@Order(0)
class TotpSecretEncryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretEncryption.class);

	private final Users users;

	private final PersonalDataCipher cipher;

	TotpSecretEncryption(Users users, PersonalDataCipher cipher) {
		this.users = users;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		var plain = users.plainTotpSecrets();
		for (Users.PlainSecret p : plain) {
			String encrypted = cipher.encrypt(p.secret());
			if (encrypted != null) {
				users.encryptTotpSecret(p.id(), p.secret(), encrypted);
			}
		}
		if (!plain.isEmpty()) {
			log.info("Encrypted {} second-factor secret(s) stored in plain text", plain.size());
		}
	}

}
