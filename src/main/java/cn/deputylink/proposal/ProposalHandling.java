package cn.deputylink.proposal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.internal.ProposalCase;
import cn.deputylink.proposal.internal.ProposalFiles;
import cn.deputylink.proposal.internal.ProposalSteps;
import cn.deputylink.proposal.internal.ProposalReads;
import cn.deputylink.shared.Upload;

/**
 * The handling units' steps (department handlers): a co-unit's input to the lead unit,
 * the lead unit's request for more time, the lead unit's reply for all (with its result
 * class and, optionally, the official letter), more files.
 */
@Service
public class ProposalHandling {

	private final ProposalSteps steps;

	private final ProposalReads classes;

	private final ProposalFiles files;

	ProposalHandling(ProposalSteps steps, ProposalReads classes, ProposalFiles files) {
		this.steps = steps;
		this.classes = classes;
		this.files = files;
	}

	@Transactional
	public Proposal coUnitInput(long id, @Nullable String input, CurrentUser u) {
		return steps.save(steps.visible(id, u).coUnitInput(u, input, steps.now()), u);
	}

	@Transactional
	public Proposal requestExtension(long id, @Nullable String reason, CurrentUser u) {
		return steps.save(steps.visible(id, u).requestExtension(u, reason, steps.now()), u);
	}

	/**
	 * ASSIGNED → REPLIED; {@code letter} (may be null) is stored in the same transaction:
	 * a refused letter (not a PDF, too large) leaves nothing written.
	 */
	@Transactional
	public Proposal reply(long id, @Nullable String content, @Nullable String resultClass, @Nullable Upload letter,
			@Nullable Integer version, CurrentUser u) {
		ProposalCase c = steps.visible(id, u);
		ProposalCase.Change change = c.reply(u, content, resultClass, classes::resultClassActive, version, steps.now());
		ProposalFiles.Checked file = letter == null || letter.bytes().length == 0 ? null : files.checkLetter(letter);
		Proposal saved = steps.save(change, u);
		if (file != null) {
			files.store(change.after(), file, u);
		}
		return saved;
	}

	@Transactional
	public ProposalAttachment attach(long id, Upload file, CurrentUser u) {
		ProposalCase c = steps.visible(id, u);
		c.attached(u, "", steps.now());
		return files.store(c, files.check(file), u);
	}

}
