package cn.deputylink.statistics;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.CursorPage;

/**
 * The figures for a signed-in user, in its data scope: a county admin any scope; a
 * township admin or liaison officer its own township whatever it asks (a station or
 * deputy outside it: 403); a deputy its own figures; a department handler none (403).
 * Read from this module's rollups, never from the whole history.
 */
@Service
public class Statistics {

	// SKELETON: filled by wt/stats; signatures are the contract for the other helpers.

	/** The six figures ({@code GET /api/v1/statistics/summary}). */
	@Transactional(readOnly = true)
	public Summary summary(CurrentUser user, Period period, Scope scope) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The scope {@code user} actually gets when it asks for {@code asked}. */
	public Scope effectiveScope(CurrentUser user, Scope asked) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** Everything the statistics page shows. */
	@Transactional(readOnly = true)
	public Dashboard dashboard(CurrentUser user, Period period, Scope scope) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** A breakdown of the period's opinions, largest first. */
	@Transactional(readOnly = true)
	public List<BreakdownRow> breakdown(CurrentUser user, Period period, Scope scope, Dimension dimension) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The opinions behind an opinion figure, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public CursorPage<OpinionEntry> opinions(CurrentUser user, Period period, Scope scope, Drill drill,
			@Nullable String cursor, @Nullable Integer limit) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The activities behind an activity figure, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public CursorPage<ActivityEntry> activities(CurrentUser user, Period period, Scope scope, Drill drill,
			@Nullable String cursor, @Nullable Integer limit) {
		throw new UnsupportedOperationException("wt/stats");
	}

}
