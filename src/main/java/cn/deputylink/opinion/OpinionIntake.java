package cn.deputylink.opinion;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.opinion.internal.IntakeChecks;
import cn.deputylink.opinion.internal.Policy;
import cn.deputylink.opinion.internal.Registration;

/**
 * Intake (登记): an opinion registered by staff (any source) or by a constituent on the
 * public form or API (source {@code ONLINE}), and papers added to an open one.
 */
@Service
public class OpinionIntake {

	private final Registration registration;

	OpinionIntake(Registration registration) {
		this.registration = registration;
	}

	/**
	 * The result of an intake: the opinion, and whether it was created before under the
	 * same key.
	 */
	public record Created(Opinion opinion, boolean replayed) {
	}

	/**
	 * Registers an opinion: by staff ({@code user} non-null) or a constituent
	 * ({@code user} null). With an {@code idempotencyKey}, a retry returns the first
	 * result and creates nothing; the same key with a different request is a 409. Not
	 * itself transactional: the intake runs in one transaction, and when a concurrent
	 * request with the same key committed first, the first result is read in a new one
	 * (after a failed statement PostgreSQL accepts nothing more in the old).
	 */
	public Created submit(Intake in, @Nullable CurrentUser user, @Nullable String idempotencyKey, List<Upload> files) {
		try {
			return registration.register(in, user, idempotencyKey, files);
		}
		catch (DuplicateKeyException ex) {
			if (idempotencyKey != null) {
				Optional<Created> earlier = registration.replay(Registration.scope(user), idempotencyKey,
						IntakeChecks.requestHash(in));
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			throw new ConflictException("opinion.duplicate");
		}
	}

	/**
	 * Refuses (403) a user whose role does not register opinions: the intake form is not
	 * for it.
	 */
	public void requireRegistrar(CurrentUser u) {
		if (!Policy.mayRegister(u)) {
			throw new AccessDeniedException("register");
		}
	}

	/** Adds files to an open opinion. */
	public List<Attachment> attach(long id, List<Upload> files, CurrentUser u) {
		return registration.attach(id, files, u);
	}

}
