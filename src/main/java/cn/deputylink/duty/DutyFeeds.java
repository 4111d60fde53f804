package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.Feeds;

/**
 * What the public and the deputies' calendars see: a station's public iCalendar feed and
 * page days, a deputy's private feed behind a token.
 */
@Service
public class DutyFeeds {

	private final Feeds feeds;

	DutyFeeds(Feeds feeds) {
		this.feeds = feeds;
	}

	/** The public iCalendar feed of a station: published, held and cancelled days. */
	@Transactional(readOnly = true)
	public String stationFeed(long stationId) {
		return feeds.station(stationId);
	}

	/**
	 * The coming days of a station the public may see (published, or cancelled after
	 * publication), for the public station page.
	 */
	@Transactional(readOnly = true)
	public List<DutyDay> publicDays(long stationId, LocalDate from, LocalDate to) {
		return feeds.publicDays(stationId, from, to);
	}

	/** A deputy's private feed; 404 for an unknown or revoked token. */
	@Transactional(readOnly = true)
	public String deputyFeed(String token) {
		return feeds.deputy(token);
	}

	/** A new private feed token for the deputy (returned once; stored hashed). */
	@Transactional
	public String createFeedToken(long deputyId, CurrentUser u) {
		return feeds.createToken(deputyId, u);
	}

	@Transactional
	public boolean revokeFeedToken(long deputyId, CurrentUser u) {
		return feeds.revokeToken(deputyId, u);
	}

	@Transactional(readOnly = true)
	public boolean hasFeedToken(long deputyId, CurrentUser u) {
		return feeds.hasToken(deputyId, u);
	}

}
