package cn.deputylink.targets;

import java.time.OffsetDateTime;

/**
 * An evidence file of a manual item (佐证材料): a photo or a PDF document, uploaded for a
 * township, a year and a rule.
 */
public record EvidenceFile(long id, long townshipId, int year, String ruleCode, String filename, String contentType,
		long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {

}
