package cn.deputylink.proposal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code deputylink.proposal.*}: a recess proposal is assigned within
 * {@code assignWorkingDays} working days of its submission; the reply is due
 * {@code replyMonths} after assignment ({@code extendedReplyMonths} with an approved
 * extension); after an unsatisfied evaluation the second reply is due
 * {@code rehandleMonths} after it; the reply's letter (PDF) is at most
 * {@code letterMaxBytes}.
 */
@ConfigurationProperties("deputylink.proposal")
public record ProposalSettings(@DefaultValue("5") int assignWorkingDays, @DefaultValue("3") int replyMonths,
		@DefaultValue("6") int extendedReplyMonths, @DefaultValue("1") int rehandleMonths,
		@DefaultValue("5242880") long letterMaxBytes) {

	public ProposalSettings {
		if (assignWorkingDays < 0 || replyMonths < 1 || extendedReplyMonths < replyMonths || rehandleMonths < 1
				|| letterMaxBytes < 1) {
			throw new IllegalArgumentException("deputylink.proposal.* out of range");
		}
	}

	public static ProposalSettings defaults() {
		return new ProposalSettings(5, 3, 6, 1, 5242880);
	}

}
