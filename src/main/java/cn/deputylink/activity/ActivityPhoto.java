package cn.deputylink.activity;

import java.time.OffsetDateTime;

/**
 * A photo of an activity (JPEG, PNG or WebP, recognised by its content under the same
 * rules as opinions' attachments).
 */
public record ActivityPhoto(long id, long activityId, String filename, String contentType, long sizeBytes,
		String sha256, OffsetDateTime createdAt) {
}
