package cn.deputylink.account.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.StrongRandom;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as
 * every authenticator app speaks them. One step of clock drift either way is accepted.
 */
public final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** A new 160-bit secret, base32-encoded. */
	public static String newSecret() {
		byte[] b = new byte[20];
		StrongRandom.fill(b);
		return base32(b);
	}

	/** The {@code otpauth://} URI an authenticator app reads from a QR code. */
	public static String uri(String issuer, String account, String secret) {
		String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&digits=6&period=30";
	}

	public static boolean verify(String secret, String code, Instant now) {
		return matchingStep(secret, code, now).isPresent();
	}

	/**
	 * The 30-second step whose code {@code code} is, within one step of {@code now}; the
	 * caller records it so that the same code is not accepted twice.
	 */
	public static OptionalLong matchingStep(String secret, @Nullable String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long step = now.getEpochSecond() / 30;
		for (long s = step - 1; s <= step + 1; s++) {
			if (code(secret, s).equals(code)) {
				return OptionalLong.of(s);
			}
		}
		return OptionalLong.empty();
	}

	/** The code for the 30-second step {@code step}. */
	public static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int o = h[h.length - 1] & 0xf;
			int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
			return String.format("%06d", bin % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String base32(byte[] data) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] unbase32(String s) {
		String in = s.replace("=", "").replace(" ", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(in.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : in.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

}
