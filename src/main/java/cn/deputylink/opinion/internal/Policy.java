package cn.deputylink.opinion.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;

/**
 * Who may see an opinion and who may take which action on it ({@code docs/api.md},
 * roles): county admins everything; a township's admin and liaison officers their
 * township's opinions (opinions of no known township belong to the county); a department
 * handler what is, or was, assigned to its department; a deputy the opinions it received
 * or registered.
 */
public final class Policy {

	private Policy() {
	}

	/**
	 * Whether the user may read the opinion. {@code handledByDepartment} says whether the
	 * user's department ever held it (a returned case stays readable to the department
	 * that returned it).
	 */
	public static boolean canSee(CurrentUser u, Opinion o, boolean handledByDepartment) {
		return switch (u.role()) {
			case COUNTY_ADMIN -> true;
			case TOWNSHIP_ADMIN, STATION_LIAISON -> o.townshipId() != null && o.townshipId().equals(u.townshipId());
			case DEPARTMENT_HANDLER ->
				u.departmentId() != null && (u.departmentId().equals(o.departmentId()) || handledByDepartment);
			case DEPUTY ->
				(u.deputyId() != null && o.deputyIds().contains(u.deputyId())) || Objects.equals(o.createdBy(), u.id());
		};
	}

	/**
	 * Whether the user's role and relation to the opinion allow the action (status
	 * aside).
	 */
	public static boolean mayAct(CurrentUser u, Opinion o, Action action, @Nullable Outcome closingOutcome) {
		boolean countyAdmin = u.is(Role.COUNTY_ADMIN);
		boolean townshipAdmin = u.is(Role.TOWNSHIP_ADMIN) && o.townshipId() != null
				&& o.townshipId().equals(u.townshipId());
		boolean triager = countyAdmin || townshipAdmin;
		boolean handler = u.is(Role.DEPARTMENT_HANDLER) && u.departmentId() != null
				&& u.departmentId().equals(o.departmentId());
		return switch (action) {
			case TRIAGE, ASSIGN, MERGE -> triager;
			case CLOSE -> triager || (onTheSpot(o, closingOutcome) && registeredBy(u, o));
			case RETURN, ACCEPT, PROGRESS, REPLY -> handler;
			case ESCALATE -> countyAdmin;
			case ATTACH -> triager || handler || registeredBy(u, o) || atItsStation(u, o);
			// the constituent rates by tracking code; a rating given on a follow-up call
			// (回访) is recorded by the township or the county, who make those calls, never
			// by the station that took the case in
			case FEEDBACK, REOPEN -> triager;
			case SUBMIT, CONVERTED -> false;
		};
	}

	/**
	 * Answered on the spot (现场答复): the liaison officer or deputy who registered it at a
	 * reception may close it at once with the answer given; nobody else at the station
	 * may.
	 */
	private static boolean onTheSpot(Opinion o, @Nullable Outcome outcome) {
		return o.status() == OpinionStatus.SUBMITTED && outcome != null && outcome.isOnTheSpot();
	}

	/** The liaison officer or deputy whose account registered the opinion. */
	private static boolean registeredBy(CurrentUser u, Opinion o) {
		return (u.is(Role.STATION_LIAISON) || u.is(Role.DEPUTY)) && Objects.equals(o.createdBy(), u.id());
	}

	/**
	 * A liaison officer of the opinion's township, or a deputy who received it: they may
	 * add its papers.
	 */
	private static boolean atItsStation(CurrentUser u, Opinion o) {
		return switch (u.role()) {
			case STATION_LIAISON -> o.townshipId() != null && o.townshipId().equals(u.townshipId());
			case DEPUTY -> u.deputyId() != null && o.deputyIds().contains(u.deputyId());
			default -> false;
		};
	}

	/** Roles that register opinions on the constituents' behalf. */
	public static boolean mayRegister(CurrentUser u) {
		return u.is(Role.COUNTY_ADMIN) || u.is(Role.TOWNSHIP_ADMIN) || u.is(Role.STATION_LIAISON) || u.is(Role.DEPUTY);
	}

	/**
	 * Roles that need the constituent's full phone number to call back; each look is
	 * audited.
	 */
	public static boolean mayRevealPhone(CurrentUser u, Opinion o) {
		return switch (u.role()) {
			case COUNTY_ADMIN, TOWNSHIP_ADMIN, STATION_LIAISON -> true;
			case DEPARTMENT_HANDLER ->
				u.departmentId() != null && u.departmentId().equals(o.departmentId()) && o.status().isWithDepartment();
			case DEPUTY -> false;
		};
	}

	/**
	 * The actions this user may take on the opinion now: the buttons of the detail page.
	 */
	public static Set<Action> allowedActions(CurrentUser u, Opinion o) {
		Set<Action> allowed = EnumSet.noneOf(Action.class);
		for (Action a : Action.values()) {
			if (!Lifecycle.allows(o.status(), a, o.reopened())) {
				continue;
			}
			boolean may = a == Action.CLOSE ? mayAct(u, o, a, null) || mayAct(u, o, a, Outcome.RESOLVED)
					: mayAct(u, o, a, null);
			if (may) {
				allowed.add(a);
			}
		}
		return allowed;
	}

}
