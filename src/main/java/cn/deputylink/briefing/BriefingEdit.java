package cn.deputylink.briefing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A draft's new texts: title, intro, body and the typical cases' texts (in the cases'
 * order, as many as there are; null leaves them as they are), for the {@code version} the
 * editor read.
 */
public record BriefingEdit(@Nullable String title, @Nullable String intro, @Nullable String body,
		@Nullable List<String> caseTexts, @Nullable Integer version) {
}
