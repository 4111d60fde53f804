package cn.deputylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import cn.deputylink.account.internal.PasswordPolicy;
import cn.deputylink.account.internal.Totp;

/** The password policy and TOTP, without Spring. */
class AccountRulesTest {

	@Test
	void passwordsNeedTwelveCharactersOfThreeClasses() {
		assertThat(PasswordPolicy.violation("alice", "Ab#1")).contains("password.tooShort");
		// eight characters of three classes were enough before issue 7; now twelve are
		// needed
		assertThat(PasswordPolicy.violation("alice", "abcdef1#")).contains("password.tooShort");
		assertThat(PasswordPolicy.violation("alice", "Demo#2026")).contains("password.tooShort");
		assertThat(PasswordPolicy.violation("alice", "Kqz#2026vbn")).contains("password.tooShort");
		assertThat(PasswordPolicy.violation("alice", "Kqz#2026vbnm")).isEmpty();
		assertThat(PasswordPolicy.violation("alice", "abcdefghijkl")).contains("password.classes");
		assertThat(PasswordPolicy.violation("alice", "abcdefghijk1")).contains("password.classes");
		assertThat(PasswordPolicy.violation("alice", "abcdefghij1#")).isEmpty();
		assertThat(PasswordPolicy.violation("alice", "xAlice#2026ab")).contains("password.containsUsername");
		assertThat(PasswordPolicy.violation("alice", "A".repeat(100) + "a1#" + "x".repeat(30)))
			.contains("password.tooLong");
	}

	/**
	 * Long enough and of three classes, but on every attacker's list, as is or dressed
	 * up.
	 */
	@Test
	void commonPasswordsAreRefused() {
		assertThat(PasswordPolicy.violation("alice", "Password@123")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "P@ssw0rd2026!")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "1qaz@WSX3edc")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "Admin@123456")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "Woaini1314!!")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "2026#Qwertyuiop")).contains("password.common");
		assertThat(PasswordPolicy.violation("alice", "Welcome#2026")).contains("password.common");
		// a common word inside a longer password is fine: the whole is not guessable from
		// the list
		assertThat(PasswordPolicy.violation("alice", "Password#Kite-2026")).isEmpty();
	}

	@RepeatedTest(20)
	void generatedPasswordsSatisfyThePolicy() {
		String p = PasswordPolicy.generate();
		assertThat(p).hasSize(16);
		assertThat(PasswordPolicy.violation("admin", p)).isEmpty();
	}

	/** RFC 6238 appendix B, SHA-1, truncated to six digits. */
	@Test
	void totpMatchesTheRfcTestVectors() {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of
															// "12345678901234567890"
		assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
		assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
		assertThat(Totp.code(secret, 1234567890L / 30)).isEqualTo("005924");
		assertThat(Totp.code(secret, 2000000000L / 30)).isEqualTo("279037");
	}

	@Test
	void totpAcceptsOneStepOfDriftAndNoMore() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-11-26T08:00:15Z");
		long step = now.getEpochSecond() / 30;
		assertThat(Totp.verify(secret, Totp.code(secret, step), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.code(secret, step + 3), now)).isFalse();
		assertThat(Totp.verify(secret, "12345", now)).isFalse();
		assertThat(Totp.verify(secret, "abcdef", now)).isFalse();
	}

	@Test
	void otpauthUriCarriesIssuerAndSecret() {
		assertThat(Totp.uri("DeputyLink", "county", "ABC")).startsWith("otpauth://totp/DeputyLink%3Acounty?secret=ABC")
			.contains("issuer=DeputyLink");
	}

}
