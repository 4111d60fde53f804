package cn.deputylink.standards;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A photo of an inspection (JPEG, PNG or WebP, sniffed), optionally of one item. */
public record InspectionPhoto(long id, long inspectionId, @Nullable Long itemId, String filename, String contentType,
		long sizeBytes, String sha256, OffsetDateTime createdAt) {
}
