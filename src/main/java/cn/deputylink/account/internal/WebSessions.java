package cn.deputylink.account.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.NotFoundException;

/**
 * A user's own web sessions ("my sessions"), as Spring Session keeps them in the
 * database: every node sees the same list, and ending one ends it everywhere.
 */
@Service
public class WebSessions {

	/** Session attributes recorded at login, to tell the sessions apart. */
	public static final String ADDRESS = "DL_SESSION_ADDRESS";

	public static final String AGENT = "DL_SESSION_AGENT";

	/**
	 * One session of the user; {@code current} is the one asking. {@code id} is a handle
	 * derived from the session id, never the id itself: the id is what the session cookie
	 * carries, and a page or a URL (which the audit log records) must not show it.
	 */
	public record View(String id, OffsetDateTime createdAt, OffsetDateTime lastAccessedAt, @Nullable String address,
			@Nullable String userAgent, boolean current) {
	}

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AccountDetailsService details;

	WebSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AccountDetailsService details) {
		this.sessions = sessions;
		this.details = details;
	}

	/** The user's live sessions, the most recently used first. */
	public List<View> of(CurrentUser user, @Nullable String currentId) {
		int epoch = details.reload(user.id()).map(CurrentUser::credentialsEpoch).orElse(-1);
		return sessions.findByPrincipalName(user.getUsername())
			.values()
			.stream()
			.filter(s -> !s.isExpired() && belongs(s, user, epoch))
			.map(s -> new View(handle(s.getId()), s.getCreationTime().atOffset(ZoneOffset.UTC),
					s.getLastAccessedTime().atOffset(ZoneOffset.UTC), s.getAttribute(ADDRESS), s.getAttribute(AGENT),
					s.getId().equals(currentId)))
			.sorted(Comparator.comparing(View::lastAccessedAt).reversed())
			.toList();
	}

	/**
	 * Ends one of the user's own sessions, named by its handle; someone else's, or an
	 * unknown one, is a 404. True when it was {@code currentId}, the session asking.
	 */
	public boolean end(CurrentUser user, String handle, @Nullable String currentId) {
		String id = sessions.findByPrincipalName(user.getUsername())
			.entrySet()
			.stream()
			.filter(e -> handle(e.getKey()).equals(handle) && belongs(e.getValue(), user, -1))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("session", handle));
		sessions.deleteById(id);
		return id.equals(currentId);
	}

	/**
	 * The first 128 bits of a SHA-256 of the session id: stable, and useless as a cookie.
	 */
	static String handle(String sessionId) {
		return Digests.sha256Hex("deputylink-session:" + sessionId).substring(0, 32);
	}

	/**
	 * A session of this account (not of an earlier one with the same name) and, given an
	 * epoch, of it.
	 */
	private static boolean belongs(Session s, CurrentUser user, int epoch) {
		Object context = s.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context instanceof SecurityContext c && c.getAuthentication() != null
				&& c.getAuthentication().getPrincipal() instanceof CurrentUser u && u.id() == user.id()
				&& (epoch < 0 || u.credentialsEpoch() == epoch);
	}

}
