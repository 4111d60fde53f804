package cn.deputylink.funding;

import java.time.OffsetDateTime;

/** A receipt of an expenditure: a photo (JPEG, PNG, WebP) or a PDF, by its content. */
public record Receipt(long id, long expenditureId, String filename, String contentType, long sizeBytes, String sha256,
		OffsetDateTime createdAt) {
}
