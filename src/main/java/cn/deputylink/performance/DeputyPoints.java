package cn.deputylink.performance;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deputy's points of a year: its score and rank in every published table (per quarter
 * and township) and, for admins only, the live score of each quarter begun ({@code live}
 * null for the deputy itself).
 */
public record DeputyPoints(long deputyId, String deputyName, int year, List<PublishedScore> published,
		@Nullable List<QuarterScore> live) {

	/** Its line in one published table; {@code of}: how many deputies the table ranks. */
	public record PublishedScore(int quarter, long townshipId, String townshipName, int score, int rank, int of,
			OffsetDateTime publishedAt) {
	}

	/** The live score of the year up to the end of a quarter. */
	public record QuarterScore(int quarter, int score) {
	}

}
