package cn.deputylink.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.Masking;

/**
 * A constituent's opinion as staff see it. The constituent's phone is only here masked;
 * the full number is read through {@link OpinionQueries#revealPhone}, which is audited.
 */
public record Opinion(long id, String trackingCode, Source source, @Nullable Long townshipId, @Nullable Long stationId,
		@Nullable Long villageId, @Nullable String categoryCode, @Nullable Tier tier, String content,
		OffsetDateTime receivedAt, OffsetDateTime submittedAt, @Nullable String constituentName,
		@Nullable String phoneMasked, boolean anonymous, OpinionStatus status, @Nullable Outcome outcome,
		@Nullable Long departmentId, @Nullable OffsetDateTime assignedAt, @Nullable LocalDate dueDate,
		@Nullable LocalDate returnBy, boolean escalated, boolean reopened, @Nullable Satisfaction satisfaction,
		@Nullable String reply, @Nullable OffsetDateTime repliedAt, @Nullable Long mergedIntoId,
		@Nullable Long createdBy, List<Long> deputyIds, int version) {

	/** The constituent's name masked for lists (张*). */
	public @Nullable String constituentNameMasked() {
		return Masking.name(constituentName);
	}

	public Opinion withDeputies(List<Long> ids) {
		return new Opinion(id, trackingCode, source, townshipId, stationId, villageId, categoryCode, tier, content,
				receivedAt, submittedAt, constituentName, phoneMasked, anonymous, status, outcome, departmentId,
				assignedAt, dueDate, returnBy, escalated, reopened, satisfaction, reply, repliedAt, mergedIntoId,
				createdBy, ids, version);
	}
}
