package cn.deputylink.opinion;

import java.time.OffsetDateTime;

/** A photo or PDF attached to an opinion; its type comes from its content, never from its name. */
public record Attachment(long id, long opinionId, String filename, String contentType, long sizeBytes, String sha256,
		OffsetDateTime createdAt) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}
}
