package cn.deputylink.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the checksum stored beside an attachment (and sent as its
 * ETag), the stored form of a token (API tokens, feed tokens, session handles) and the
 * fingerprint of a request under an idempotency key.
 */
public final class Digests {

	private Digests() {
	}

	/** The hex SHA-256 of {@code bytes}. */
	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/** The hex SHA-256 of {@code text} in UTF-8. */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
