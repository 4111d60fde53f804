package cn.deputylink.duty.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.duty.DutyFeeds;
import cn.deputylink.shared.NotFoundException;

/**
 * The iCalendar feeds ({@code text/calendar; charset=utf-8}): a station's public one and
 * a deputy's private one behind its token (a revoked token is a 404).
 */
@RestController
class IcalController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final DutyFeeds feeds;

	IcalController(DutyFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/ical/stations/{id}.ics")
	ResponseEntity<byte[]> station(@PathVariable String id) {
		long stationId;
		try {
			stationId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("station", id);
		}
		return calendar(feeds.stationFeed(stationId), true);
	}

	@GetMapping("/ical/deputies/{token}.ics")
	ResponseEntity<byte[]> deputy(@PathVariable String token) {
		if (token.length() > 100) {
			throw new NotFoundException("feed", "token");
		}
		return calendar(feeds.deputyFeed(token), false);
	}

	private static ResponseEntity<byte[]> calendar(String ics, boolean shared) {
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.cacheControl(shared ? CacheControl.noCache() : CacheControl.noStore())
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

}
