package cn.deputylink.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Creating and keeping user accounts, within the acting user's data scope: the account
 * module's facade for the other modules (and its own pages).
 */
public interface Accounts {

	long count();

	/**
	 * Creates an account as {@code actor} (null: the system, at first start or for the
	 * demo). A township admin creates only liaison officers, department handlers and
	 * township admins of its own township.
	 */
	UserAccount create(NewUser u, @Nullable CurrentUser actor);

	/**
	 * Creates a fixture account whose password is fixed elsewhere and may break the
	 * policy: only the demo county's accounts, whose password {@code Demo#2026}
	 * {@code docs/api.md} publishes. Every password a person sets goes through the
	 * password policy.
	 */
	UserAccount createFixture(NewUser u);

	UserAccount get(long id, CurrentUser actor);

	/**
	 * The ids of the enabled accounts holding {@code role}, narrowed to a township and/or
	 * a department when given: whom a message "to the department" or "to the township's
	 * admins" reaches.
	 */
	List<Long> userIdsWith(Role role, @Nullable Long townshipId, @Nullable Long departmentId);

	/**
	 * The ids of the enabled deputy accounts of these deputies: whom a notice "to the
	 * deputies on duty" reaches.
	 */
	List<Long> userIdsOfDeputies(Collection<Long> deputyIds);

	Optional<UserAccount> findByUsername(String username);

	/**
	 * A page of accounts the actor may manage, for lists ({@code offset} paging) and the
	 * API (keyset).
	 */
	List<UserAccount> list(CurrentUser actor, @Nullable String q, long afterId, int limit, int offset);

	int countList(CurrentUser actor, @Nullable String q);

	/**
	 * The user changes its own password, proving it knows the current one; none of its
	 * last {@value PasswordPolicy#HISTORY} passwords may come back. Every other session
	 * and token of the account ends; the caller keeps its own with {@link #refreshed}.
	 */
	void changePassword(CurrentUser user, String current, String next);

	/**
	 * The principal of a signed-in user as the database has it now, for the session or
	 * token that made a change to its own credentials and may go on.
	 */
	CurrentUser refreshed(CurrentUser user);

	/**
	 * An administrator sets a generated password that must be changed at the next login;
	 * every session and token of the account ends.
	 */
	String resetPassword(long id, CurrentUser actor);

	/** Lets every address try the account again at once (see {@link LoginThrottle}). */
	void unlock(long id, CurrentUser actor);

	/** Disabling ends every session and token of the account at once. */
	void setEnabled(long id, boolean enabled, CurrentUser actor);

	/**
	 * Turns on the second factor once the user proves its app produces the right codes.
	 */
	void enableTotp(CurrentUser user, String secret, String code);

	/**
	 * Turns on the second factor with {@code secret} once the user proves its app
	 * produces the right codes; a user who has one already re-enrols, and proves it with
	 * {@code currentCode} of the old one. Every other session and token of the account
	 * ends. Not one transaction: a refused code stays counted and audited.
	 */
	void enableTotp(CurrentUser user, String secret, String code, @Nullable String currentCode);

	/**
	 * The user turns its second factor off, proving it with a current code (not one
	 * transaction, as above).
	 */
	void disableOwnTotp(CurrentUser user, @Nullable String code);

	/**
	 * A county admin resets someone else's second factor (a lost phone): the user signs
	 * in with its password and enrols again; every session and token of the account ends.
	 */
	void resetTotp(long id, CurrentUser actor);

}
