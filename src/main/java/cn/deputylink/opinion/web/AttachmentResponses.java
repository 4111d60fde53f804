package cn.deputylink.opinion.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.deputylink.opinion.Attachment;

/**
 * Serves an attachment so that a browser can never run it: the type found by sniffing, nosniff, a
 * sandboxing CSP, and PDFs as downloads; private caching keyed by the checksum.
 */
final class AttachmentResponses {

	private AttachmentResponses() {
	}

	static ResponseEntity<byte[]> of(Attachment a, byte[] data) {
		ContentDisposition disposition = (a.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(a.filename(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(data.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.eTag("\"" + a.sha256() + "\"")
			.body(data);
	}
}
