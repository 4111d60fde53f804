package cn.deputylink.opinion.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionDetail;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.opinion.TimelineEntry;
import cn.deputylink.organisation.Tier;

/** The API's shapes of an opinion ({@code docs/api.md}, "Opinions"). */
final class OpinionJson {

	private OpinionJson() {
	}

	record Constituent(@Nullable String name, @Nullable String phone, boolean anonymous) {
	}

	record Summary(long id, String trackingCode, OpinionStatus status, Source source, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long villageId, @Nullable String categoryCode, @Nullable Tier tier,
			OffsetDateTime receivedAt, @Nullable Long departmentId, @Nullable LocalDate dueDate, boolean overdue,
			@Nullable DeadlineColour deadline, boolean escalated, @Nullable Outcome outcome, String content,
			Constituent constituent, int version) {
	}

	record Step(String action, String actor, OffsetDateTime at, @Nullable String note, @Nullable Long departmentId,
			@Nullable Satisfaction satisfaction) {
	}

	record File(long id, String filename, String contentType, long size, String sha256, String url) {
	}

	record Full(long id, String trackingCode, OpinionStatus status, Source source, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long villageId, @Nullable String categoryCode, @Nullable Tier tier,
			String content, OffsetDateTime receivedAt, OffsetDateTime submittedAt, Constituent constituent,
			List<Long> deputyIds, @Nullable Long departmentId, @Nullable OffsetDateTime assignedAt,
			@Nullable LocalDate dueDate, @Nullable LocalDate returnBy, boolean overdue,
			@Nullable DeadlineColour deadline, boolean escalated, boolean reopened, @Nullable Outcome outcome,
			@Nullable String reply, @Nullable OffsetDateTime repliedAt, @Nullable Satisfaction satisfaction,
			@Nullable Long mergedIntoId, int version, Set<Action> allowedActions, List<Step> timeline,
			List<File> attachments, List<Long> proposalIds) {
	}

	static Constituent constituent(Opinion o) {
		return new Constituent(o.constituentNameMasked(), o.phoneMasked(), o.anonymous());
	}

	static Summary summary(Opinion o, Deadlines deadlines) {
		DeadlineColour colour = deadlines.colour(o);
		return new Summary(o.id(), o.trackingCode(), o.status(), o.source(), o.townshipId(), o.stationId(),
				o.villageId(), o.categoryCode(), o.tier(), o.receivedAt(), o.departmentId(), o.dueDate(),
				colour == DeadlineColour.RED, colour, o.escalated(), o.outcome(), o.content(), constituent(o),
				o.version());
	}

	static Full full(OpinionDetail d) {
		Opinion o = d.opinion();
		// staff who may see the case see the name; the phone stays masked (GET .../phone
		// reveals it, audited)
		Constituent c = new Constituent(o.constituentName(), o.phoneMasked(), o.anonymous());
		return new Full(o.id(), o.trackingCode(), o.status(), o.source(), o.townshipId(), o.stationId(), o.villageId(),
				o.categoryCode(), o.tier(), o.content(), o.receivedAt(), o.submittedAt(), c, o.deputyIds(),
				o.departmentId(), o.assignedAt(), o.dueDate(), o.returnBy(), d.overdue(), d.colour(), o.escalated(),
				o.reopened(), o.outcome(), o.reply(), o.repliedAt(), o.satisfaction(), o.mergedIntoId(), o.version(),
				d.allowedActions(), d.timeline().stream().map(OpinionJson::step).toList(),
				d.attachments().stream().map(a -> file(o.id(), a)).toList(), d.proposalIds());
	}

	static Step step(TimelineEntry t) {
		return new Step(t.action().name(), t.actor(), t.at(), t.note(), t.departmentId(), t.satisfaction());
	}

	static File file(long opinionId, Attachment a) {
		return new File(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.sha256(),
				"/api/v1/opinions/" + opinionId + "/attachments/" + a.id());
	}

}
