package cn.deputylink.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.OrganisationDirectory;
import cn.deputylink.account.OrganisationDirectory.Choice;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * What the user forms and list need beyond {@link Accounts}: the townships, stations,
 * deputies and departments an administrator may assign, by name; the assignment of each
 * listed user in words; and the change of an existing account, for the edit page and the
 * API alike.
 */
@Service
public class UserAdministration {

	/**
	 * What the acting administrator may choose from, each list already narrowed to its
	 * scope.
	 */
	public record Pickers(List<Role> roles, List<Choice> townships, List<Choice> stations, List<Choice> deputies,
			List<Choice> departments) {

		/**
		 * The township's name, for grouping stations and departments; null for the
		 * county's own.
		 */
		public @Nullable String townshipName(@Nullable Long townshipId) {
			return townshipId == null ? null
					: townships.stream().filter(t -> t.id() == townshipId).map(Choice::name).findFirst().orElse(null);
		}
	}

	/** A listed account with the names of what it is assigned to. */
	public record Listed(UserAccount account, @Nullable String township, @Nullable String station,
			@Nullable String deputy, @Nullable String department) {
	}

	private final AccountService accounts;

	private final Users users;

	private final OrganisationDirectory organisation;

	UserAdministration(AccountService accounts, Users users, OrganisationDirectory organisation) {
		this.accounts = accounts;
		this.users = users;
		this.organisation = organisation;
	}

	/**
	 * The choices of the user form. A township admin sees only its own township, that
	 * township's stations and departments, and the roles it may give; no deputies, since
	 * it may not create deputy accounts.
	 */
	public Pickers pickers(CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		if (actor.isCountyAdmin()) {
			return new Pickers(List.of(Role.values()), organisation.townships(), organisation.stations(),
					organisation.deputies(), organisation.departments());
		}
		Long own = actor.townshipId();
		return new Pickers(List.of(Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON, Role.DEPARTMENT_HANDLER),
				inTownship(organisation.townships().stream().filter(t -> Long.valueOf(t.id()).equals(own)).toList(),
						null),
				inTownship(organisation.stations(), own), List.of(), inTownship(organisation.departments(), own));
	}

	private static List<Choice> inTownship(List<Choice> all, @Nullable Long township) {
		return township == null ? all : all.stream().filter(c -> township.equals(c.townshipId())).toList();
	}

	/** The accounts with their township, station, deputy and department named. */
	public List<Listed> describe(List<UserAccount> accountsToList) {
		if (accountsToList.isEmpty()) {
			return List.of();
		}
		Map<Long, String> townships = names(organisation.townships());
		Map<Long, String> stations = names(organisation.stations());
		Map<Long, String> deputies = names(organisation.deputies());
		Map<Long, String> departments = names(organisation.departments());
		List<Listed> out = new ArrayList<>();
		for (UserAccount a : accountsToList) {
			out.add(new Listed(a, name(townships, a.townshipId()), name(stations, a.stationId()),
					name(deputies, a.deputyId()), name(departments, a.departmentId())));
		}
		return out;
	}

	private static Map<Long, String> names(List<Choice> choices) {
		return choices.stream().collect(Collectors.toMap(Choice::id, Choice::name, (a, b) -> a));
	}

	private static @Nullable String name(Map<Long, String> names, @Nullable Long id) {
		return id == null ? null : names.get(id);
	}

	/**
	 * Changes an account's name, role and assignment, under the same rules as creating
	 * it: a township admin changes only accounts of its township and only into the roles
	 * it may create there. Nobody changes its own role (the last county admin could lock
	 * the county out). A stale {@code version} is a 409. The account's API tokens and
	 * signed-in sessions end with a change of role or assignment, so that none carries
	 * the old rights on.
	 */
	@Transactional
	public UserAccount update(long id, UserChange change, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		UserAccount before = accounts.get(id, actor);
		List<FieldError> errors = new ArrayList<>();
		String displayName = change.displayName();
		if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
			errors.add(new FieldError("displayName", "validation.required"));
		}
		Role role = change.role();
		if (role == null) {
			errors.add(new FieldError("role", "validation.required"));
		}
		Integer version = change.version();
		if (version == null) {
			errors.add(new FieldError("version", "validation.required"));
		}
		if (displayName == null || role == null || version == null || !errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (before.id() == actor.id() && role != before.role()) {
			throw new ConflictException("clerk.users.cannotChangeOwnRole");
		}
		if (!actor.isCountyAdmin()) {
			// the account as it is must be one the township admin could have created
			accounts.authorise(actor, assignment(before));
		}
		NewUser resolved = accounts.resolveAssignment(new NewUser(before.username(), "", displayName, role,
				change.townshipId(), change.stationId(), change.deputyId(), change.departmentId(), false));
		accounts.authorise(actor, resolved);
		if (!users.update(id, version, resolved)) {
			throw new ConflictException("error.staleVersion");
		}
		UserAccount after = users.find(id).orElseThrow();
		if (!assignment(before).equals(assignment(after))) {
			users.renewCredentialsEpoch(id);
		}
		return after;
	}

	/**
	 * The role and assignment of an account, in the shape the rules of creation check.
	 */
	private static NewUser assignment(UserAccount a) {
		return new NewUser(a.username(), "", "", a.role(), a.townshipId(), a.stationId(), a.deputyId(),
				a.departmentId(), false);
	}

}
