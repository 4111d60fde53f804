package cn.deputylink.proposal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Upload;

/**
 * Reading proposals as users see them (county: all; township admin: its township's
 * deputies'; deputy: those it leads or co-signs; department handler: those assigned to
 * its unit, lead or co; liaison: none), and the public list.
 */
@Service
public class ProposalQueries {

	/** Today in the county's time zone. */
	public LocalDate today() {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public Proposal get(long id, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public ProposalDetail detail(long id, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Newest first; {@code beforeId} for keyset paging (0: from the newest). */
	@Transactional(readOnly = true)
	public List<Proposal> list(ProposalFilter f, CurrentUser u, long beforeId, int limit, int offset) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public int count(ProposalFilter f, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public ProposalAttachment attachment(long id, long attachmentId, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public byte[] attachmentData(ProposalAttachment a) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Replied proposals whose deputies agreed to publish them, newest reply first. */
	@Transactional(readOnly = true)
	public List<PublicProposal> publicList(int limit, int offset) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional(readOnly = true)
	public Optional<PublicProposal> publicOne(long id) {
		throw new UnsupportedOperationException("skeleton");
	}

}
