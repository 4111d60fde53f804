package cn.deputylink.proposal.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.proposal.CoSignerState;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAction;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.proposal.ProposalDetail;
import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.proposal.ProposalStep;
import cn.deputylink.proposal.ProposalTimelineEntry;
import cn.deputylink.proposal.UnitRole;

/** The proposals API's JSON shapes. */
final class ProposalJson {

	private ProposalJson() {
	}

	record CoSigner(long deputyId, CoSignerState state, @Nullable OffsetDateTime answeredAt) {
	}

	record Unit(long departmentId, UnitRole role, @Nullable String input, @Nullable OffsetDateTime inputAt) {
	}

	record Line(long id, ProposalAction action, @Nullable ProposalStatus fromStatus, ProposalStatus toStatus,
			String actor, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note) {
	}

	record File(long id, String fileName, String contentType, long size, String sha256, OffsetDateTime uploadedAt,
			String href) {
	}

	record Summary(long id, ProposalStatus status, @Nullable String number, String title, long leadDeputyId,
			Period period, @Nullable Long leadDepartmentId, @Nullable LocalDate assignBy, @Nullable LocalDate replyDue,
			boolean keySupervised, boolean overdue, OffsetDateTime createdAt, @Nullable OffsetDateTime submittedAt,
			int version) {
	}

	record Full(long id, ProposalStatus status, @Nullable String number, @Nullable Integer year,
			@Nullable Integer sequence, String title, String content, long leadDeputyId, Period period,
			boolean publicConsent, boolean onBehalf, long enteredBy, OffsetDateTime createdAt,
			@Nullable OffsetDateTime submittedAt, @Nullable LocalDate assignBy, @Nullable OffsetDateTime registeredAt,
			@Nullable String refusalReason, @Nullable Long leadDepartmentId, List<Long> coDepartmentIds,
			@Nullable OffsetDateTime assignedAt, @Nullable LocalDate replyDue, boolean extensionRequested,
			boolean extended, @Nullable String reply, @Nullable String resultClass, @Nullable OffsetDateTime repliedAt,
			@Nullable Evaluation evaluation, @Nullable String evaluationComment, @Nullable OffsetDateTime evaluatedAt,
			int round, boolean keySupervised, @Nullable OffsetDateTime closedAt, boolean overdue, int version,
			List<CoSigner> coSigners, List<Long> opinionIds, List<Unit> units, List<Line> timeline,
			List<File> attachments, Set<ProposalStep> allowedSteps) {
	}

	static Summary summary(Proposal p, LocalDate today) {
		return new Summary(p.id(), p.status(), p.number(), p.title(), p.leadDeputyId(), p.period(),
				p.leadDepartmentId(), p.assignBy(), p.replyDue(), p.keySupervised(), ProposalQueries.overdue(p, today),
				p.createdAt(), p.submittedAt(), p.version());
	}

	static Full full(ProposalDetail d) {
		Proposal p = d.proposal();
		return new Full(p.id(), p.status(), p.number(), p.year(), p.sequence(), p.title(), p.content(),
				p.leadDeputyId(), p.period(), p.publicConsent(), p.onBehalf(), p.enteredBy(), p.createdAt(),
				p.submittedAt(), p.assignBy(), p.registeredAt(), p.refusalReason(), p.leadDepartmentId(),
				p.coDepartmentIds(), p.assignedAt(), p.replyDue(), p.extensionRequested(), p.extended(), p.reply(),
				p.resultClass(), p.repliedAt(), p.evaluation(), p.evaluationComment(), p.evaluatedAt(), p.round(),
				p.keySupervised(), p.closedAt(), d.overdue(), p.version(),
				p.coSigners().stream().map(c -> new CoSigner(c.deputyId(), c.state(), c.answeredAt())).toList(),
				p.opinionIds(), d.units().stream().map(ProposalJson::unit).toList(),
				d.timeline().stream().map(ProposalJson::line).toList(),
				d.attachments().stream().map(ProposalJson::file).toList(), d.allowedSteps());
	}

	static Unit unit(HandlingUnit h) {
		return new Unit(h.departmentId(), h.role(), h.input(), h.inputAt());
	}

	static Line line(ProposalTimelineEntry t) {
		return new Line(t.id(), t.action(), t.fromStatus(), t.toStatus(), t.actor(), t.departmentId(), t.at(),
				t.note());
	}

	static File file(ProposalAttachment a) {
		return new File(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(), a.uploadedAt(),
				"/api/v1/proposals/" + a.proposalId() + "/attachments/" + a.id());
	}

}
