package cn.deputylink.opinion.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.TimelineEntry;

/**
 * The read side of the repositories, for the module's facades: opinions, timelines and
 * files as they are, and lists within a user's data scope. Runs in the caller's
 * transaction.
 */
@Component
public class OpinionReads {

	private final Opinions opinions;

	private final Attachments attachments;

	OpinionReads(Opinions opinions, Attachments attachments) {
		this.opinions = opinions;
		this.attachments = attachments;
	}

	public Optional<Opinion> find(long id) {
		return opinions.find(id);
	}

	/** The opinion of a tracking code as the constituent typed it. */
	public Optional<Opinion> findByTypedCode(String typedCode) {
		return TrackingCodes.normalise(typedCode).flatMap(opinions::findByCode);
	}

	public @Nullable String trackingCode(@Nullable Long id) {
		return id == null ? null : opinions.find(id).map(Opinion::trackingCode).orElse(null);
	}

	/** The deputies' proposals the opinion became part of, in id order. */
	public List<Long> proposalIds(long id) {
		return opinions.proposalIds(id);
	}

	public List<TimelineEntry> timeline(long id) {
		return opinions.timeline(id);
	}

	public @Nullable String encryptedPhone(long id) {
		return opinions.encryptedPhone(id);
	}

	/** The user's data scope, as the repository's conditions. */
	private static Opinions.Scope scope(CurrentUser u) {
		return switch (u.role()) {
			case COUNTY_ADMIN -> Opinions.Scope.county();
			case TOWNSHIP_ADMIN, STATION_LIAISON ->
				new Opinions.Scope(u.townshipId() == null ? -1L : u.townshipId(), null, null, null);
			case DEPARTMENT_HANDLER ->
				new Opinions.Scope(null, u.departmentId() == null ? -1L : u.departmentId(), null, null);
			case DEPUTY -> new Opinions.Scope(null, null, u.deputyId(), u.id());
		};
	}

	public List<Opinion> list(OpinionFilter f, CurrentUser u, Deadlines d, long beforeId, int limit, int offset) {
		return opinions.list(f, scope(u), d, beforeId, limit, offset);
	}

	/** A station's opinions received in [from, to), oldest first, no viewer's scope. */
	public List<Opinion> atStation(long stationId, OffsetDateTime from, OffsetDateTime to) {
		return opinions.atStation(stationId, from, to);
	}

	public int count(OpinionFilter f, CurrentUser u, Deadlines d) {
		return opinions.count(f, scope(u), d);
	}

	public List<Opinion> duplicateCandidates(Opinion o, OffsetDateTime since, OffsetDateTime until, int max) {
		return opinions.duplicateCandidates(o, since, until, max);
	}

	public List<Attachment> attachments(long id) {
		return attachments.of(id);
	}

	public Optional<Attachment> attachment(long id, long attachmentId) {
		return attachments.find(id, attachmentId);
	}

	public byte[] attachmentData(long attachmentId) {
		return attachments.data(attachmentId);
	}

}
