package cn.deputylink.opinion.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.organisation.Tier;

/** An opinion's fields as a step of {@link OpinionCase} changes them, one by one. */
final class OpinionFields {

	private final Opinion o;

	private @Nullable String categoryCode;

	private @Nullable Tier tier;

	private OpinionStatus status;

	private @Nullable Outcome outcome;

	private @Nullable Long departmentId;

	private @Nullable OffsetDateTime assignedAt;

	private @Nullable LocalDate dueDate;

	private @Nullable LocalDate returnBy;

	private boolean escalated;

	private boolean reopened;

	private @Nullable Satisfaction satisfaction;

	private @Nullable String reply;

	private @Nullable OffsetDateTime repliedAt;

	private @Nullable Long mergedIntoId;

	private int version;

	OpinionFields(Opinion o) {
		this.o = o;
		categoryCode = o.categoryCode();
		tier = o.tier();
		status = o.status();
		outcome = o.outcome();
		departmentId = o.departmentId();
		assignedAt = o.assignedAt();
		dueDate = o.dueDate();
		returnBy = o.returnBy();
		escalated = o.escalated();
		reopened = o.reopened();
		satisfaction = o.satisfaction();
		reply = o.reply();
		repliedAt = o.repliedAt();
		mergedIntoId = o.mergedIntoId();
		version = o.version();
	}

	OpinionFields categoryCode(String v) {
		categoryCode = v;
		return this;
	}

	OpinionFields tier(Tier v) {
		tier = v;
		return this;
	}

	OpinionFields status(OpinionStatus v) {
		status = v;
		return this;
	}

	OpinionFields outcome(Outcome v) {
		outcome = v;
		return this;
	}

	OpinionFields departmentId(@Nullable Long v) {
		departmentId = v;
		return this;
	}

	OpinionFields assignedAt(@Nullable OffsetDateTime v) {
		assignedAt = v;
		return this;
	}

	OpinionFields dueDate(@Nullable LocalDate v) {
		dueDate = v;
		return this;
	}

	OpinionFields returnBy(@Nullable LocalDate v) {
		returnBy = v;
		return this;
	}

	OpinionFields escalated(boolean v) {
		escalated = v;
		return this;
	}

	OpinionFields reopened(boolean v) {
		reopened = v;
		return this;
	}

	OpinionFields satisfaction(Satisfaction v) {
		satisfaction = v;
		return this;
	}

	OpinionFields reply(String v) {
		reply = v;
		return this;
	}

	OpinionFields repliedAt(OffsetDateTime v) {
		repliedAt = v;
		return this;
	}

	OpinionFields mergedIntoId(long v) {
		mergedIntoId = v;
		return this;
	}

	OpinionFields version(int v) {
		version = v;
		return this;
	}

	Opinion build() {
		return new Opinion(o.id(), o.trackingCode(), o.source(), o.townshipId(), o.stationId(), o.villageId(),
				categoryCode, tier, o.content(), o.receivedAt(), o.submittedAt(), o.constituentName(), o.phoneMasked(),
				o.anonymous(), status, outcome, departmentId, assignedAt, dueDate, returnBy, escalated, reopened,
				satisfaction, reply, repliedAt, mergedIntoId, o.createdBy(), o.deputyIds(), version);
	}

}
