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
 * The handling units' steps (department handlers): a co-unit's input to the lead unit,
 * the lead unit's request for more time, the lead unit's reply for all (with its result
 * class and, optionally, the official letter), more files.
 */
@Service
public class ProposalHandling {

	@Transactional
	public Proposal coUnitInput(long id, @Nullable String input, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional
	public Proposal requestExtension(long id, @Nullable String reason, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/**
	 * ASSIGNED → REPLIED; {@code letter} (may be null) is stored in the same transaction.
	 */
	@Transactional
	public Proposal reply(long id, @Nullable String content, @Nullable String resultClass, @Nullable Upload letter,
			@Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional
	public ProposalAttachment attach(long id, Upload file, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

}
