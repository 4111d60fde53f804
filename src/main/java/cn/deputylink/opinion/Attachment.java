package cn.deputylink.opinion;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A photo or PDF attached to an opinion; its type comes from its content, never from its
 * name.
 */
public record Attachment(long id, long opinionId, String filename, String contentType, long sizeBytes, String sha256,
		OffsetDateTime createdAt) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	/** The size as people read it: a small file is "812 B", not "0 KB". */
	public String sizeLabel() {
		if (sizeBytes < 1024) {
			return sizeBytes + " B";
		}
		if (sizeBytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", sizeBytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
	}
}
