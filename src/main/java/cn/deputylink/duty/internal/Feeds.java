package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.StrongRandom;

/**
 * The iCalendar (RFC 5545) feeds, written with biweekly: a station's published days
 * (public) and a deputy's days behind a private token (stored as its SHA-256, shown once
 * when created). Events are 09:00–17:00 in the county's zone with its VTIMEZONE, UID
 * {@code duty-<id>@deputylink}, the day's SEQUENCE, and a cancelled day stays as
 * {@code STATUS:CANCELLED}, so phone calendars update their events instead of adding new
 * ones.
 */
@Component
public class Feeds {

	private static final LocalTime OPENS = LocalTime.of(9, 0);

	private static final LocalTime CLOSES = LocalTime.of(17, 0);

	private final DutyStore store;

	private final FeedTokens tokens;

	private final DutySteps duties;

	private final RegistryLookup registry;

	private final MessageSource messages;

	Feeds(DutyStore store, FeedTokens tokens, DutySteps duties, RegistryLookup registry, MessageSource messages) {
		this.store = store;
		this.tokens = tokens;
		this.duties = duties;
		this.registry = registry;
		this.messages = messages;
	}

	/**
	 * A station's days the public may see, from a year back on: published ones, held
	 * ones, and cancelled ones that had been published (a cancelled draft never shows).
	 */
	public String station(long stationId) {
		return write(stationName(stationId), publicDays(stationId, duties.today().minusYears(1), null));
	}

	/**
	 * The days of a station the public may see in a range (to: ten years on when null).
	 */
	public List<DutyDay> publicDays(long stationId, LocalDate from, @Nullable LocalDate to) {
		return store.days(stationId, from, to == null ? duties.today().plusYears(10) : to, true);
	}

	private String stationName(long stationId) {
		Station s = registry.station(stationId)
			.filter(Station::active)
			.orElseThrow(() -> new NotFoundException("station", stationId));
		return messages.getMessage("duty.feed.station", new Object[] { s.name() }, DutySteps.NOTICE_LOCALE);
	}

	/**
	 * A deputy's days as the public may see them (no drafts, no cancelled drafts) behind
	 * its token; 404 for an unknown or revoked one.
	 */
	public String deputy(String token) {
		long deputyId = tokens.deputyOfFeedToken(Digests.sha256Hex(token))
			.orElseThrow(() -> new NotFoundException("feed", "token"));
		LocalDate today = duties.today();
		List<DutyDay> days = store.daysOfDeputy(deputyId, today.minusYears(1), today.plusYears(10), true);
		return write(messages.getMessage("duty.feed.deputy", new Object[] { duties.deputyName(deputyId) },
				DutySteps.NOTICE_LOCALE), days);
	}

	/** A new private token for the deputy's feed (the old one stops working). */
	public String createToken(long deputyId, CurrentUser u) {
		duties.requireDeputyScope(deputyId, u);
		byte[] bytes = StrongRandom.fill(new byte[24]);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		tokens.replaceFeedToken(deputyId, Digests.sha256Hex(token), duties.now());
		return token;
	}

	public boolean revokeToken(long deputyId, CurrentUser u) {
		duties.requireDeputyScope(deputyId, u);
		return tokens.deleteFeedToken(deputyId);
	}

	public boolean hasToken(long deputyId, CurrentUser u) {
		duties.requireDeputyScope(deputyId, u);
		return tokens.hasFeedToken(deputyId);
	}

	public Optional<Long> deputyOf(String token) {
		return tokens.deputyOfFeedToken(Digests.sha256Hex(token));
	}

	private String write(String name, List<DutyDay> days) {
		TimeZone tz = TimeZone.getTimeZone(duties.zone());
		ICalendar ical = new ICalendar();
		ical.setProductId("-//DeputyLink//Duty days//ZH");
		ical.setName(name);
		ical.setExperimentalProperty("X-WR-CALNAME", name);
		ical.setExperimentalProperty("X-WR-TIMEZONE", duties.zone().getId());
		ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(tz, vtimezone(tz)));
		Set<Long> stations = new HashSet<>();
		Set<Long> deputies = new HashSet<>();
		for (DutyDay d : days) {
			stations.add(d.stationId());
			deputies.addAll(d.deputyIds());
			deputies.addAll(d.presentDeputyIds());
		}
		Map<Long, String> stationNames = registry.stationNames(stations);
		Map<Long, String> deputyNames = registry.deputyNames(deputies);
		Date stamp = new Date(duties.now().toInstant().toEpochMilli());
		for (DutyDay d : days) {
			String station = stationNames.getOrDefault(d.stationId(), "");
			List<Long> on = d.status() == DutyStatus.HELD ? d.presentDeputyIds() : d.deputyIds();
			String names = String.join("、", on.stream().map(x -> deputyNames.getOrDefault(x, "")).toList());
			VEvent e = new VEvent();
			e.setUid("duty-" + d.id() + "@deputylink");
			e.setSequence(d.sequence());
			e.setDateTimeStamp(stamp);
			e.setDateStart(Date.from(d.date().atTime(OPENS).atZone(duties.zone()).toInstant()), true);
			e.setDateEnd(Date.from(d.date().atTime(CLOSES).atZone(duties.zone()).toInstant()), true);
			e.setSummary(messages.getMessage("duty.feed.summary", new Object[] { station }, DutySteps.NOTICE_LOCALE));
			e.setDescription(messages.getMessage("duty.feed.description", new Object[] { station, names },
					DutySteps.NOTICE_LOCALE));
			e.setLocation(station);
			e.setStatus(d.status() == DutyStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
			ical.addEvent(e);
		}
		return Biweekly.write(ical).version(ICalVersion.V2_0).go();
	}

	/**
	 * The zone's VTIMEZONE: China has kept UTC+8 without daylight saving since 1991, so
	 * one STANDARD observance describes it; another zone gets its current offset.
	 */
	private static VTimezone vtimezone(TimeZone tz) {
		VTimezone vt = new VTimezone(tz.getID());
		StandardTime standard = new StandardTime();
		standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
		int minutes = tz.getRawOffset() / 60_000;
		UtcOffset offset = new UtcOffset(minutes >= 0, Math.abs(minutes) / 60, Math.abs(minutes) % 60);
		standard.setTimezoneOffsetFrom(offset);
		standard.setTimezoneOffsetTo(offset);
		standard.addTimezoneName(tz.getID().equals("Asia/Shanghai") ? "CST" : tz.getDisplayName(false, TimeZone.SHORT));
		vt.addStandardTime(standard);
		return vt;
	}

}
