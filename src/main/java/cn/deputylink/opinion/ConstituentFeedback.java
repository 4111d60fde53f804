package cn.deputylink.opinion;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.internal.OpinionCase;
import cn.deputylink.opinion.internal.OpinionSteps;
import cn.deputylink.opinion.internal.OpinionReads;
import cn.deputylink.shared.NotFoundException;

/**
 * The constituent's side: the case as the constituent follows it by tracking code, and
 * the rating of the reply. Satisfied or basically satisfied closes the case; unsatisfied
 * sends it back to the department once (with a new due date); the department's next reply
 * is the final one.
 */
@Service
public class ConstituentFeedback {

	private final OpinionSteps steps;

	private final OpinionReads reads;

	ConstituentFeedback(OpinionSteps steps, OpinionReads reads) {
		this.steps = steps;
		this.reads = reads;
	}

	@Transactional(readOnly = true)
	public PublicView publicView(String typedCode) {
		return view(byCode(typedCode));
	}

	private PublicView view(Opinion o) {
		List<TimelineEntry> timeline = reads.timeline(o.id());
		List<PublicView.Step> steps = timeline.stream()
			.filter(t -> t.action() != Action.ESCALATE && t.action() != Action.ATTACH && t.action() != Action.PROGRESS)
			.map(t -> new PublicView.Step(t.action(), t.at()))
			.toList();
		boolean answered = o.status() == OpinionStatus.REPLIED || o.status() == OpinionStatus.CLOSED;
		// every reply the department sent, so that after a second handling the first
		// answer is not lost
		List<PublicView.Reply> replies = !answered ? List.of()
				: timeline.stream()
					.filter(t -> t.action() == Action.REPLY && t.note() != null)
					.map(t -> new PublicView.Reply(t.note(), t.at()))
					.toList();
		String mergedInto = reads.trackingCode(o.mergedIntoId());
		return new PublicView(o.trackingCode(), o.status(), o.outcome(), o.submittedAt(), steps,
				answered ? o.reply() : null, answered ? o.repliedAt() : null, o.status() == OpinionStatus.REPLIED,
				o.status() == OpinionStatus.REPLIED && !o.reopened(), o.satisfaction(), mergedInto, replies);
	}

	private Opinion byCode(String typedCode) {
		return reads.findByTypedCode(typedCode).orElseThrow(() -> new NotFoundException("tracking code", ""));
	}

	/** The constituent rates the reply, by tracking code. */
	@Transactional
	public PublicView feedback(String typedCode, @Nullable Satisfaction satisfaction, @Nullable String comment) {
		OpinionCase c = steps.load(byCode(typedCode).id());
		return view(steps.save(c.rate(null, satisfaction, comment, null, steps)));
	}

	/**
	 * Staff record the rating a constituent gave on a follow-up call or visit (回访), with
	 * the same effect as the constituent's own: only on a replied case, by its township's
	 * admin or a county admin (who make the follow-up calls).
	 */
	@Transactional
	public Opinion recordFeedback(long id, @Nullable Satisfaction satisfaction, @Nullable String comment, CurrentUser u,
			@Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).rate(u, satisfaction, comment, expectedVersion, steps));
	}

}
