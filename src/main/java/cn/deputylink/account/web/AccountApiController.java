package cn.deputylink.account.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;
import cn.deputylink.account.internal.ApiTokens;
import cn.deputylink.account.internal.LoginDetailsSupport;
import cn.deputylink.account.internal.UserAdministration;
import cn.deputylink.account.internal.UserChange;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.web.Problems;

/** Tokens, the caller's own account, and user administration ({@code docs/api.md}). */
@RestController
@RequestMapping("/api/v1")
class AccountApiController {

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
			@Nullable @Size(max = 10) String code) {
	}

	record TokenResponse(String token, OffsetDateTime expiresAt) {
	}

	record Me(String username, String displayName, Role role, @Nullable Long townshipId, @Nullable Long stationId,
			@Nullable Long deputyId, @Nullable Long departmentId, boolean mustChangePassword, boolean totpEnabled) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
	}

	record UserRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
			@NotBlank @Size(max = 100) String displayName, @NotNull Role role, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId,
			@Nullable Boolean mustChangePassword) {
	}

	/** A change of an account; {@code version} as last read (a stale one is a 409). */
	record UserUpdate(@NotBlank @Size(max = 100) String displayName, @NotNull Role role, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, @NotNull Integer version) {
	}

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final Problems problems;

	private final Clock clock;

	private final UserAdministration administration;

	AccountApiController(AuthenticationManager authentication, ApiTokens tokens, Accounts accounts, Problems problems,
			Clock clock, UserAdministration administration) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
		this.clock = clock;
		this.administration = administration;
	}

	/**
	 * Wrong credentials 401; too many failures for this username from this address 423
	 * with {@code Retry-After}, the same for existing and unknown usernames; a user with
	 * a second factor sends {@code code} too.
	 */
	@PostMapping("/auth/token")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		var auth = UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password());
		auth.setDetails(LoginDetailsSupport.details(request.getRemoteAddr(), body.code()));
		Authentication result;
		try {
			result = authentication.authenticate(auth);
		}
		catch (LockedException ex) {
			long seconds = LoginDetailsSupport.retryAt(ex)
				.map(at -> Math.max(1, Duration.between(OffsetDateTime.now(clock), at).toSeconds() + 1))
				.orElse(60L);
			return ResponseEntity.status(HttpStatus.LOCKED)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.body(problems.problem(HttpStatus.LOCKED, "login.throttled"));
		}
		catch (AuthenticationException ex) {
			boolean needsCode = LoginDetailsSupport.isCodeRequired(ex);
			ProblemDetail p = problems.problem(HttpStatus.UNAUTHORIZED,
					needsCode ? "login.codeRequired" : "login.failed");
			if (needsCode) {
				p.setProperty("totpRequired", true);
			}
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
		}
		var issued = tokens.issue((CurrentUser) Objects.requireNonNull(result.getPrincipal()));
		return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	/** Ends the caller's token at once. */
	@PostMapping("/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(HttpServletRequest request) {
		ApiTokens.ofRequest(request).ifPresent(tokens::revoke);
	}

	@GetMapping("/me")
	Me me() {
		CurrentUser u = CurrentUser.get();
		return new Me(u.getUsername(), u.displayName(), u.role(), u.townshipId(), u.stationId(), u.deputyId(),
				u.departmentId(), u.mustChangePassword(), u.totpEnabled());
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange body, HttpServletRequest request) {
		CurrentUser me = CurrentUser.get();
		accounts.changePassword(me, body.currentPassword(), body.newPassword());
		// every other token of the user ended; the one making the change goes on
		ApiTokens.ofRequest(request).ifPresent(t -> tokens.keep(t, me));
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserAccount createUser(@Valid @RequestBody UserRequest body) {
		return accounts.create(new NewUser(body.username(), body.password(), body.displayName(), body.role(),
				body.townshipId(), body.stationId(), body.deputyId(), body.departmentId(),
				Boolean.TRUE.equals(body.mustChangePassword())), CurrentUser.get());
	}

	@GetMapping("/users")
	CursorPage<UserAccount> users(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		List<UserAccount> rows = accounts.list(CurrentUser.get(), q, CursorPage.after(cursor), n + 1, 0);
		return CursorPage.of(rows, n, UserAccount::id);
	}

	@GetMapping("/users/{id}")
	UserAccount user(@PathVariable long id) {
		return accounts.get(id, CurrentUser.get());
	}

	/** Name, role and assignment, as the edit page changes them. */
	@PutMapping("/users/{id}")
	UserAccount updateUser(@PathVariable long id, @Valid @RequestBody UserUpdate body) {
		return administration.update(id, new UserChange(body.displayName(), body.role(), body.townshipId(),
				body.stationId(), body.deputyId(), body.departmentId(), body.version()), CurrentUser.get());
	}

	@PostMapping("/users/{id}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable long id) {
		accounts.unlock(id, CurrentUser.get());
	}

	@PostMapping("/users/{id}/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disable(@PathVariable long id) {
		accounts.setEnabled(id, false, CurrentUser.get());
	}

	@PostMapping("/users/{id}/enable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void enable(@PathVariable long id) {
		accounts.setEnabled(id, true, CurrentUser.get());
	}

	/**
	 * A county admin resets someone's second factor (a lost phone); it enrols again at
	 * its next login.
	 */
	@PostMapping("/users/{id}/reset-totp")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetTotp(@PathVariable long id) {
		accounts.resetTotp(id, CurrentUser.get());
	}

	/** A generated password, shown once, to be changed at the next login. */
	@PostMapping("/users/{id}/reset-password")
	Map<String, String> resetPassword(@PathVariable long id) {
		return Map.of("password", accounts.resetPassword(id, CurrentUser.get()));
	}

}
