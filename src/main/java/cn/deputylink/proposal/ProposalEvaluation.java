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
 * The lead deputy's evaluation of the reply: satisfied or basically satisfied →
 * EVALUATED; unsatisfied the first time → back to ASSIGNED with a 1-month deadline; the
 * second evaluation is final.
 */
@Service
public class ProposalEvaluation {

	@Transactional
	public Proposal evaluate(long id, @Nullable Evaluation evaluation, @Nullable String comment,
			@Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

}
