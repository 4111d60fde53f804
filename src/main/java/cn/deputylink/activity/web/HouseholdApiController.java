package cn.deputylink.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.Household;
import cn.deputylink.activity.HouseholdDetail;
import cn.deputylink.activity.HouseholdForm;
import cn.deputylink.activity.HouseholdHelpForm;
import cn.deputylink.activity.HouseholdPairing;
import cn.deputylink.activity.HouseholdRegister;
import cn.deputylink.shared.CursorPage;

/**
 * The pairing register's JSON API: {@code /api/v1/poverty-households}, its pairings and
 * the help given.
 */
@RestController
@RequestMapping("/api/v1/poverty-households")
class HouseholdApiController {

	private final HouseholdRegister register;

	HouseholdApiController(HouseholdRegister register) {
		this.register = register;
	}

	/** Deputies to pair, from a date (today when absent). */
	record PairingRequest(@Nullable List<Long> deputyIds, @Nullable LocalDate startDate) {
	}

	/** The end of a pairing (today when absent) and the version it was based on. */
	record EndRequest(@Nullable LocalDate endDate, @Nullable Integer version) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Household create(@RequestBody HouseholdForm form) {
		return register.create(form, CurrentUser.get());
	}

	@GetMapping
	CursorPage<Household> list(@RequestParam(required = false) @Nullable Long villageId,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		return CursorPage.of(register.list(villageId, q, CurrentUser.get(), CursorPage.after(cursor), n + 1, 0), n,
				Household::id);
	}

	@GetMapping("/{id}")
	HouseholdDetail get(@PathVariable long id) {
		return register.get(id, CurrentUser.get());
	}

	@PutMapping("/{id}")
	Household update(@PathVariable long id, @RequestBody HouseholdForm form) {
		return register.update(id, form, CurrentUser.get());
	}

	@PostMapping("/{id}/pairings")
	@ResponseStatus(HttpStatus.CREATED)
	List<HouseholdPairing> pair(@PathVariable long id, @RequestBody PairingRequest body) {
		return register.pair(id, body.deputyIds(), body.startDate(), CurrentUser.get());
	}

	@PostMapping("/{id}/pairings/{pairingId}/end")
	HouseholdPairing end(@PathVariable long id, @PathVariable long pairingId, @RequestBody EndRequest body) {
		return register.endPairing(id, pairingId, body.endDate(), body.version(), CurrentUser.get());
	}

	/**
	 * Help given, recorded as a {@code POVERTY_AID} activity: {@code 201 {activityId}}.
	 */
	@PostMapping("/{id}/help")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> help(@PathVariable long id, @RequestBody HouseholdHelpForm form) {
		return Map.of("activityId", register.recordHelp(id, form, CurrentUser.get()));
	}

}
