package cn.deputylink.proposal.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.proposal.ProposalTimelineEntry;
import cn.deputylink.proposal.ResultClass;
import cn.deputylink.proposal.UnitHandling;

/**
 * What the module's facades read and write besides the aggregate's steps: lists, the
 * timeline and files, the yearly number, the result classes, the records other modules
 * read. The repositories stay package-private.
 */
@Component
public class ProposalReads {

	private final Proposals store;

	private final ResultClassStore classes;

	ProposalReads(Proposals store, ResultClassStore classes) {
		this.store = store;
		this.classes = classes;
	}

	public List<Proposal> list(String where, Map<String, Object> params, int limit, int offset) {
		return store.list(where, params, limit, offset);
	}

	public List<Proposal> list(String where, Map<String, Object> params, String orderBy, int limit, int offset) {
		return store.list(where, params, orderBy, limit, offset);
	}

	public int count(String where, Map<String, Object> params) {
		return store.count(where, params);
	}

	public List<ProposalTimelineEntry> timeline(long id) {
		return store.timeline(id);
	}

	public List<ProposalAttachment> attachments(long id) {
		return store.attachments(id);
	}

	public Optional<ProposalAttachment> attachment(long id, long attachmentId) {
		return store.attachment(id, attachmentId);
	}

	public byte[] attachmentData(long attachmentId) {
		return store.attachmentData(attachmentId);
	}

	/** The year's next registration number, in the caller's transaction. */
	public int nextNumber(int year) {
		return store.nextNumber(year);
	}

	public List<DeputyProposal> ofDeputies(Collection<Long> deputyIds, OffsetDateTime from, OffsetDateTime to) {
		return store.ofDeputies(deputyIds, from, to);
	}

	public List<UnitHandling> handlings(OffsetDateTime from, OffsetDateTime to) {
		return store.handlings(from, to);
	}

	public List<ResultClass> resultClasses() {
		return classes.all();
	}

	public boolean resultClassActive(String code) {
		return classes.isActive(code);
	}

	public boolean resultClassUsed(String code) {
		return store.resultClassUsed(code);
	}

	public void replaceResultClasses(List<ResultClass> list) {
		classes.replace(list);
	}

}
