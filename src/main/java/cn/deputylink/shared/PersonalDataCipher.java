package cn.deputylink.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (ID numbers) with AES-256-GCM. The key comes from
 * {@code deputylink.crypto.key} (base64, 32 bytes) — required when several nodes share a
 * database — or, on a single embedded node, from {@code <data-dir>/secret.key}, created
 * on first start and readable by its owner only.
 */
@Component
public class PersonalDataCipher {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

	private static final int IV_BYTES = 12;

	private final SecretKeySpec key;

	public PersonalDataCipher(@Value("${deputylink.crypto.key:}") String configuredKey,
			@Value("${deputylink.data-dir}") String dataDir) {
		this.key = new SecretKeySpec(loadKey(configuredKey, Path.of(dataDir)), "AES");
	}

	private static byte[] loadKey(String configured, Path dataDir) {
		if (!configured.isBlank()) {
			byte[] k = Base64.getDecoder().decode(configured.strip());
			if (k.length != 32) {
				throw new IllegalStateException("deputylink.crypto.key must be 32 bytes, base64-encoded");
			}
			return k;
		}
		Path file = dataDir.resolve("secret.key");
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			Files.createDirectories(dataDir);
			byte[] k = new byte[32];
			StrongRandom.fill(k);
			Files.writeString(file, Base64.getEncoder().encodeToString(k), StandardCharsets.US_ASCII);
			OwnerOnly.restrict(file);
			log.info("Created the personal-data encryption key {}; back it up with the database", file);
			return k;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public @Nullable String encrypt(@Nullable String plain) {
		if (plain == null || plain.isEmpty()) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			StrongRandom.fill(iv);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] body = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + body.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(body, 0, out, iv.length, body.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public @Nullable String decrypt(@Nullable String stored) {
		if (stored == null || stored.isEmpty()) {
			return null;
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
			return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot decrypt personal data: wrong deputylink.crypto.key?", ex);
		}
	}

	/**
	 * A keyed hash (HMAC-SHA256 under a key derived from the data key, base64url): to
	 * count or find a value — a phone number, an address — without storing it. The same
	 * on every node that shares the key; {@code purpose} keeps the hashes of different
	 * uses apart.
	 */
	public String keyedHash(String purpose, String value) {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			byte[] purposeKey = derive.doFinal(("deputylink keyed hash: " + purpose).getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes a file readable and writable by its owner only, where the file system knows
	 * POSIX modes.
	 */
	public static final class OwnerOnly {

		private OwnerOnly() {
		}

		public static void restrict(Path file) throws IOException {
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				file.toFile().setReadable(false, false);
				file.toFile().setReadable(true, true);
			}
		}

	}

}
