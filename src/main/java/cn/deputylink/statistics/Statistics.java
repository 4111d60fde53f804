package cn.deputylink.statistics;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.statistics.internal.Figures;
import cn.deputylink.statistics.internal.ScopePolicy;

/**
 * The figures for a signed-in user, in its data scope: a county admin any scope; a
 * township admin or liaison officer its own township whatever it asks (a station or
 * deputy outside it: 403); a deputy its own figures; a department handler none (403).
 * Read from this module's rollups, never from the whole history.
 */
@Service
public class Statistics {

	private final ScopePolicy scopes;

	private final Figures figures;

	Statistics(ScopePolicy scopes, Figures figures) {
		this.scopes = scopes;
		this.figures = figures;
	}

	/** The six figures ({@code GET /api/v1/statistics/summary}). */
	@Transactional(readOnly = true)
	public Summary summary(CurrentUser user, Period period, Scope scope) {
		return figures.summary(period, effectiveScope(user, scope));
	}

	/** The scope {@code user} actually gets when it asks for {@code asked}. */
	public Scope effectiveScope(CurrentUser user, Scope asked) {
		return scopes.effective(user, asked);
	}

	/** Everything the statistics page shows. */
	@Transactional(readOnly = true)
	public Dashboard dashboard(CurrentUser user, Period period, Scope scope) {
		Scope s = effectiveScope(user, scope);
		return new Dashboard(period, s, figures.summary(period, s), figures.indicators(period, s),
				figures.months(period, s), figures.breakdown(period, s, Dimension.CATEGORY),
				figures.breakdown(period, s, Dimension.SOURCE), figures.breakdown(period, s, Dimension.DEPARTMENT));
	}

	/** A breakdown of the period's opinions, largest first. */
	@Transactional(readOnly = true)
	public List<BreakdownRow> breakdown(CurrentUser user, Period period, Scope scope, Dimension dimension) {
		return figures.breakdown(period, effectiveScope(user, scope), dimension);
	}

	/** The opinions behind an opinion figure, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public CursorPage<OpinionEntry> opinions(CurrentUser user, Period period, Scope scope, Drill drill,
			@Nullable String cursor, @Nullable Integer limit) {
		int n = CursorPage.limit(limit);
		return CursorPage.of(
				figures.opinions(period, effectiveScope(user, scope), drill, CursorPage.after(cursor), n + 1), n,
				OpinionEntry::opinionId);
	}

	/** The activities behind an activity figure, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public CursorPage<ActivityEntry> activities(CurrentUser user, Period period, Scope scope, Drill drill,
			@Nullable String cursor, @Nullable Integer limit) {
		int n = CursorPage.limit(limit);
		return CursorPage.of(
				figures.activities(period, effectiveScope(user, scope), drill, CursorPage.after(cursor), n + 1), n,
				ActivityEntry::activityId);
	}

}
