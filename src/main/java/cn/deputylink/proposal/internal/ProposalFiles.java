package cn.deputylink.proposal.internal;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Upload;

/**
 * A proposal's files: the reply's official letter (a PDF) and more files of the lead unit
 * (PDF or a photo), checked by their content ({@link AttachmentPolicy}) and size (413),
 * stored in the database with a timeline line, in the caller's transaction.
 */
@Component
public class ProposalFiles {

	/** A file checked: its clean name, its type by content, its bytes and digest. */
	public record Checked(String name, String contentType, byte[] bytes, String sha256) {
	}

	private final Proposals store;

	private final ProposalSteps steps;

	private final ProposalSettings settings;

	ProposalFiles(Proposals store, ProposalSteps steps, ProposalSettings settings) {
		this.store = store;
		this.steps = steps;
		this.settings = settings;
	}

	/** The reply's letter: a PDF. */
	public Checked checkLetter(Upload f) {
		Checked c = check(f, "letter");
		if (!c.contentType().equals("application/pdf")) {
			throw new InvalidInputException("letter", "proposal.letter.type", c.name());
		}
		return c;
	}

	public Checked check(Upload f) {
		return check(f, "file");
	}

	private Checked check(Upload f, String field) {
		String name = AttachmentPolicy.cleanName(f.filename());
		if (f.bytes().length == 0) {
			throw new InvalidInputException(field, "validation.required");
		}
		if (f.bytes().length > settings.letterMaxBytes()) {
			throw new AttachmentTooLargeException(settings.letterMaxBytes() / (1024 * 1024));
		}
		String type = AttachmentPolicy.sniff(f.bytes())
			.orElseThrow(() -> new InvalidInputException(field, "proposal.attachment.type", name));
		if (type.startsWith("image/") && !AttachmentPolicy.isWholeImage(f.bytes(), type)) {
			throw new InvalidInputException(field, "input.attachment.broken", name);
		}
		return new Checked(name, type, f.bytes(), Digests.sha256Hex(f.bytes()));
	}

	/** Stores a checked file of the proposal (the user may add files: 403/409 else). */
	public ProposalAttachment store(ProposalCase c, Checked f, CurrentUser u) {
		ProposalCase.Change change = c.attached(u, f.name(), steps.now());
		long id = store.insertAttachment(c.id(), f.name(), f.contentType(), f.bytes(), f.sha256(), u.id(),
				change.line().at());
		steps.saveLine(change, u);
		return store.attachment(c.id(), id).orElseThrow();
	}

}
