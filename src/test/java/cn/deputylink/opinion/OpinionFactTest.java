package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Whether an opinion was replied in time is decided on the county's calendar day, not on
 * the day of whatever offset the database returned the time in.
 */
class OpinionFactTest {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	private static OpinionFact replied(OffsetDateTime at, LocalDate due) {
		return new OpinionFact(1, 1L, 1L, at.minusDays(10), OpinionStatus.REPLIED, Outcome.RESOLVED, 2L,
				at.minusDays(9), due, at, null, false, List.of(), false);
	}

	@Test
	void aReplyAfterMidnightInTheCountyIsLateEvenIfItIsTheDueDateInUtc() {
		// 17:00 UTC on the due date is 01:00 the next day in the county
		OffsetDateTime utc = OffsetDateTime.of(2025, 3, 1, 17, 0, 0, 0, ZoneOffset.UTC);
		assertThat(replied(utc, LocalDate.of(2025, 3, 1)).repliedInTime(COUNTY)).isFalse();
		assertThat(replied(utc, LocalDate.of(2025, 3, 2)).repliedInTime(COUNTY)).isTrue();
		// 15:00 UTC is 23:00 on the due date in the county: in time
		assertThat(replied(utc.minusHours(2), LocalDate.of(2025, 3, 1)).repliedInTime(COUNTY)).isTrue();
	}

	@Test
	void noDueDateOrNoReplyIsNeither() {
		OffsetDateTime at = OffsetDateTime.of(2025, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(8));
		OpinionFact open = new OpinionFact(1, 1L, 1L, at, OpinionStatus.ASSIGNED, null, 2L, at,
				LocalDate.of(2025, 3, 5), null, null, false, List.of(), false);
		assertThat(open.repliedInTime(COUNTY)).isNull();
	}

}
