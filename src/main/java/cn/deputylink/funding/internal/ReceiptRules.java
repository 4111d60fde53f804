package cn.deputylink.funding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Upload;

/**
 * The rules of receipts, those of opinions' attachments ({@link AttachmentPolicy}): the
 * type from the content — a whole JPEG, PNG or WebP photo, or a PDF — at most so many
 * bytes and so many receipts per expenditure.
 */
@Component
public class ReceiptRules {

	/** A receipt that passed the checks. */
	public record Checked(String name, String type, byte[] bytes, String sha256) {
	}

	private final long maxBytes;

	private final int perExpenditure;

	ReceiptRules(
			@Value("${deputylink.funding.receipt-max-bytes:${deputylink.opinions.attachment-max-bytes:5242880}}") long maxBytes,
			@Value("${deputylink.funding.receipts-per-expenditure:5}") int perExpenditure) {
		this.maxBytes = maxBytes;
		this.perExpenditure = perExpenditure;
	}

	/** The non-empty uploads checked; 400 or 413 (too large) on the first refused one. */
	public List<Checked> check(List<Upload> files, int existing) {
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (existing + real.size() > perExpenditure) {
			throw new InvalidInputException("receipts", "funding.receipt.tooMany", perExpenditure);
		}
		List<Checked> out = new ArrayList<>();
		for (Upload f : real) {
			if (f.bytes().length > maxBytes) {
				throw new AttachmentTooLargeException(maxBytes / (1024 * 1024));
			}
			String name = AttachmentPolicy.cleanName(f.filename());
			String type = type(f.bytes())
				.orElseThrow(() -> new InvalidInputException("receipts", "funding.receipt.type", name));
			out.add(new Checked(name, type, f.bytes(), Digests.sha256Hex(f.bytes())));
		}
		return out;
	}

	private static Optional<String> type(byte[] b) {
		Optional<String> photo = AttachmentPolicy.photoType(b);
		if (photo.isPresent()) {
			return photo;
		}
		return AttachmentPolicy.sniff(b).filter("application/pdf"::equals);
	}

}
