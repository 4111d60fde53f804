package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.internal.HouseholdBook;

/**
 * The poverty-aid pairing register (联系帮扶贫困户): households (name masked in lists, the ID
 * number encrypted at rest and only ever shown masked), the deputies paired with them,
 * the help given as {@code POVERTY_AID} activities. Staff write within their township
 * (403 outside it); a deputy reads the households it is paired with.
 */
@Service
public class HouseholdRegister {

	private final HouseholdBook book;

	HouseholdRegister(HouseholdBook book) {
		this.book = book;
	}

	@Transactional
	public Household create(HouseholdForm form, CurrentUser user) {
		return book.create(form, user);
	}

	/** 409 when {@code form.version()} is stale. */
	@Transactional
	public Household update(long id, HouseholdForm form, CurrentUser user) {
		return book.update(id, form, user);
	}

	@Transactional(readOnly = true)
	public HouseholdDetail get(long id, CurrentUser user) {
		return book.get(id, user);
	}

	@Transactional(readOnly = true)
	public List<Household> list(@Nullable Long villageId, @Nullable String q, CurrentUser user, long afterId, int limit,
			int offset) {
		return book.list(villageId, q, user, afterId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(@Nullable Long villageId, @Nullable String q, CurrentUser user) {
		return book.count(villageId, q, user);
	}

	/** Pairs deputies from {@code start} (today when null); returns every pairing. */
	@Transactional
	public List<HouseholdPairing> pair(long householdId, @Nullable List<Long> deputyIds, @Nullable LocalDate start,
			CurrentUser user) {
		return book.pair(householdId, deputyIds, start, user);
	}

	/** Ends a pairing on {@code end} (today when null); 409 when stale or ended. */
	@Transactional
	public HouseholdPairing endPairing(long householdId, long pairingId, @Nullable LocalDate end,
			@Nullable Integer version, CurrentUser user) {
		return book.endPairing(householdId, pairingId, end, version, user);
	}

	/** Records help given as a {@code POVERTY_AID} activity; returns its id. */
	@Transactional
	public long recordHelp(long householdId, HouseholdHelpForm form, CurrentUser user) {
		return book.recordHelp(householdId, form, user);
	}

}
