package cn.deputylink.proposal;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A replied proposal whose deputies agreed to publish it, as the public sees it: number,
 * title and text with personal information (phone and ID numbers) removed, the deputies'
 * and units' names, the reply and its result class; no constituent, no internal notes.
 */
public record PublicProposal(long id, String number, String title, String content, List<String> deputyNames,
		String leadUnit, List<String> coUnits, String reply, String resultClass, String resultLabel,
		OffsetDateTime repliedAt, @Nullable Evaluation evaluation) {
}
