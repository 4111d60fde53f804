package cn.deputylink.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.multipart.MultipartFile;

import cn.deputylink.shared.Upload;

/**
 * Multipart files as the {@link Upload}s the attachment rules check, and the 413 problem
 * of a file over the size limit: one way for opinions' attachments and activities'
 * photos, from pages and the API alike.
 */
@NamedInterface("web")
public final class Uploads {

	private Uploads() {
	}

	/**
	 * The files in order, each named as the client named it, or {@code fallbackName} when
	 * it gave no name; none for a null list.
	 */
	public static List<Upload> of(@Nullable List<MultipartFile> files, String fallbackName) {
		List<Upload> out = new ArrayList<>();
		if (files == null) {
			return out;
		}
		for (MultipartFile f : files) {
			String name = f.getOriginalFilename();
			try {
				out.add(new Upload(name == null || name.isBlank() ? fallbackName : name, f.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return out;
	}

	/** The problem+json answer to a file over the size limit, with {@code detail}. */
	public static ResponseEntity<ProblemDetail> tooLarge(String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
		p.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(p);
	}

}
