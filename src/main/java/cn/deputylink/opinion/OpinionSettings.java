package cn.deputylink.opinion;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code deputylink.opinions.*}: a department may return a misrouted case within
 * {@code returnWorkingDays} working days of assignment (1–7, as {@code domain.md} says);
 * a case turns yellow {@code yellowWorkingDays} working days before its due date;
 * categories without their own deadline get {@code defaultDueWorkingDays}; duplicates are
 * looked for within {@code duplicateWindow} and shown from {@code duplicateThreshold}
 * similarity; attachments are limited in size and number. Dates (due dates, "today") are
 * those of {@code zone}.
 */
@ConfigurationProperties("deputylink.opinions")
public record OpinionSettings(@DefaultValue("3") int returnWorkingDays, @DefaultValue("3") int yellowWorkingDays,
		@DefaultValue("15") int defaultDueWorkingDays, @DefaultValue("90d") Duration duplicateWindow,
		@DefaultValue("0.3") double duplicateThreshold, @DefaultValue("5242880") long attachmentMaxBytes,
		@DefaultValue("5") int attachmentsPerOpinion, @DefaultValue("Asia/Shanghai") ZoneId zone) {

	public OpinionSettings {
		if (returnWorkingDays < 1 || returnWorkingDays > 7) {
			throw new IllegalArgumentException("deputylink.opinions.return-working-days must be 1 to 7");
		}
		if (yellowWorkingDays < 0 || defaultDueWorkingDays < 1 || attachmentMaxBytes < 1 || attachmentsPerOpinion < 0) {
			throw new IllegalArgumentException("deputylink.opinions.* out of range");
		}
	}
}
