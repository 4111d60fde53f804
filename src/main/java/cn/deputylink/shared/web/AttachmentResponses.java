package cn.deputylink.shared.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.modulith.NamedInterface;

/**
 * Serves an attachment so that a browser can never run it: the type found by sniffing,
 * nosniff, a sandboxing CSP, and PDFs as downloads; private caching keyed by the
 * checksum.
 */
@NamedInterface("web")
public final class AttachmentResponses {

	private static final String HEX = "0123456789ABCDEF";

	private AttachmentResponses() {
	}

	/**
	 * The stored file {@code data} of the sniffed {@code contentType}, named
	 * {@code filename}, with its {@code sha256} as the ETag.
	 */
	public static ResponseEntity<byte[]> of(String contentType, String filename, String sha256, byte[] data) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(data.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(contentType.startsWith("image/"), filename))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag("\"" + sha256 + "\"")
			.body(data);
	}

	/**
	 * RFC 6266: {@code filename} holds an ASCII stand-in for old clients (anything else,
	 * and quotes and backslashes, become {@code _}) and {@code filename*} the real name,
	 * UTF-8 percent-encoded as RFC 5987 says. Spring's own builder copies the raw name
	 * into {@code filename}, so a Chinese name went out as bytes outside ISO-8859-1 that
	 * the container mangles.
	 */
	public static String disposition(boolean inline, String filename) {
		StringBuilder ascii = new StringBuilder();
		filename.codePoints()
			.forEach(cp -> ascii
				.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
		StringBuilder encoded = new StringBuilder();
		for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
			}
		}
		return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
