package cn.deputylink.duty.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyAvailability;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyDayChanges;
import cn.deputylink.duty.DutyFeeds;
import cn.deputylink.duty.DutyPlanning;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutySettings;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.DutySwaps;
import cn.deputylink.duty.Reception;
import cn.deputylink.duty.ReceptionDays;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.shared.InvalidInputException;

/** The duty days API ({@code docs/api.md}, "Activities, duty days, obligations"). */
@RestController
@RequestMapping("/api/v1")
class DutyApiController {

	private final DutyPlanning planning;

	private final DutyDayChanges changes;

	private final ReceptionDays receptions;

	private final DutySwaps swaps;

	private final DutyAvailability availability;

	private final DutyQueries queries;

	private final DutyFeeds feeds;

	DutyApiController(DutyPlanning planning, DutyDayChanges changes, ReceptionDays receptions, DutySwaps swaps,
			DutyAvailability availability, DutyQueries queries, DutyFeeds feeds) {
		this.planning = planning;
		this.changes = changes;
		this.receptions = receptions;
		this.swaps = swaps;
		this.availability = availability;
		this.queries = queries;
		this.feeds = feeds;
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	record DayJson(long id, long stationId, LocalDate date, DutyStatus status, List<Long> deputyIds, int sequence,
			int version, List<Attendee> attendance, @Nullable Integer constituentsReceived) {

		static DayJson of(DutyDay d) {
			return new DayJson(d.id(), d.stationId(), d.date(), d.status(), d.deputyIds(), d.sequence(), d.version(),
					d.attendees(), d.constituentsReceived());
		}
	}

	record Items<T>(List<T> items) {
	}

	record PlanBody(@Nullable Integer year, @Nullable Integer month, @Nullable List<LocalDate> days,
			@Nullable Boolean publish) {
	}

	@PostMapping("/stations/{id}/duty-plan")
	ResponseEntity<Items<DayJson>> plan(@PathVariable long id, @RequestBody PlanBody body) {
		List<DutyDay> days = planning.plan(id, body.year(), body.month(), body.days(),
				Boolean.TRUE.equals(body.publish()), me());
		return ResponseEntity.created(URI.create("/api/v1/stations/" + id + "/duty-days"))
			.body(new Items<>(days.stream().map(DayJson::of).toList()));
	}

	@GetMapping("/stations/{id}/duty-days")
	Items<DayJson> days(@PathVariable long id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return new Items<>(
				queries.list(id, date("from", from), date("to", to), me()).stream().map(DayJson::of).toList());
	}

	record SettingsBody(@Nullable Integer daysPerMonth, @Nullable Integer deputiesPerDay, @Nullable Integer version) {
	}

	@GetMapping("/stations/{id}/duty-settings")
	DutySettings settings(@PathVariable long id) {
		return planning.settings(id, me());
	}

	@PutMapping("/stations/{id}/duty-settings")
	DutySettings updateSettings(@PathVariable long id, @RequestBody SettingsBody body) {
		return planning.updateSettings(id, body.daysPerMonth(), body.deputiesPerDay(), body.version(), me());
	}

	@GetMapping("/duty-days/{id}")
	DayJson day(@PathVariable long id) {
		return DayJson.of(queries.get(id, me()));
	}

	record EditBody(@Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable Integer version) {
	}

	@PutMapping("/duty-days/{id}")
	DayJson edit(@PathVariable long id, @RequestBody EditBody body) {
		return DayJson.of(changes.edit(id, body.date(), body.deputyIds(), body.version(), me()));
	}

	record VersionBody(@Nullable Integer version) {
	}

	@PostMapping("/duty-days/{id}/publish")
	DayJson publish(@PathVariable long id, @RequestBody(required = false) @Nullable VersionBody body) {
		return DayJson.of(changes.publish(id, body == null ? null : body.version(), me()));
	}

	@PostMapping("/duty-days/{id}/cancel")
	DayJson cancel(@PathVariable long id, @RequestBody(required = false) @Nullable VersionBody body) {
		return DayJson.of(changes.cancel(id, body == null ? null : body.version(), me()));
	}

	record ConstituentBody(@Nullable String name, @Nullable String phone, @Nullable Boolean anonymous) {
	}

	record OpinionBody(@Nullable String content, @Nullable String categoryCode, @Nullable Long villageId,
			@Nullable ConstituentBody constituent, @Nullable Outcome outcome, @Nullable String answer) {

		Reception.RaisedOpinion raised() {
			ConstituentBody c = constituent == null ? new ConstituentBody(null, null, false) : constituent;
			return new Reception.RaisedOpinion(content, categoryCode, villageId, c.name(), c.phone(),
					Boolean.TRUE.equals(c.anonymous()), outcome, answer);
		}
	}

	record ReceptionBody(@Nullable List<Attendee> attendance, @Nullable Integer constituentsReceived,
			@Nullable List<OpinionBody> opinions, @Nullable Integer version) {
	}

	record ReceptionJson(DayJson day, List<Long> opinionIds) {
	}

	@PostMapping("/duty-days/{id}/reception")
	ReceptionJson reception(@PathVariable long id, @RequestBody ReceptionBody body) {
		List<Reception.RaisedOpinion> opinions = body.opinions() == null ? null
				: body.opinions().stream().map(o -> o == null ? null : o.raised()).toList();
		DutyDay d = receptions.recordReception(id,
				new Reception(body.attendance(), body.constituentsReceived(), opinions, body.version()), me());
		return new ReceptionJson(DayJson.of(d), receptions.receptionOpinions(id, me()));
	}

	record SwapBody(@Nullable Long fromDeputyId, @Nullable Long toDeputyId, @Nullable String note) {
	}

	@PostMapping("/duty-days/{id}/swaps")
	@ResponseStatus(HttpStatus.CREATED)
	SwapRequest requestSwap(@PathVariable long id, @RequestBody SwapBody body) {
		return swaps.requestSwap(id, body.fromDeputyId(), body.toDeputyId(), body.note(), me());
	}

	@GetMapping("/duty-swaps")
	Items<SwapRequest> swaps(@RequestParam(required = false) @Nullable String status) {
		SwapRequest.Status s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = SwapRequest.Status.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status", "duty.error.unknownValue");
			}
		}
		return new Items<>(swaps.swaps(s, me()));
	}

	@PostMapping("/duty-swaps/{id}/approve")
	SwapRequest approve(@PathVariable long id, @RequestBody(required = false) @Nullable VersionBody body) {
		return swaps.decideSwap(id, true, body == null ? null : body.version(), me());
	}

	@PostMapping("/duty-swaps/{id}/refuse")
	SwapRequest refuse(@PathVariable long id, @RequestBody(required = false) @Nullable VersionBody body) {
		return swaps.decideSwap(id, false, body == null ? null : body.version(), me());
	}

	@GetMapping("/deputies/{id}/duty-days")
	Items<DeputyDutyDay> record(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return new Items<>(queries.record(id, year, me()));
	}

	record UnavailabilityBody(@Nullable LocalDate from, @Nullable LocalDate to, Unavailability.@Nullable Reason reason,
			@Nullable String note) {
	}

	@GetMapping("/deputies/{id}/unavailability")
	Items<Unavailability> unavailability(@PathVariable long id) {
		return new Items<>(availability.unavailability(id, me()));
	}

	@PostMapping("/deputies/{id}/unavailability")
	@ResponseStatus(HttpStatus.CREATED)
	Unavailability declare(@PathVariable long id, @RequestBody UnavailabilityBody body) {
		return availability.declareUnavailable(id, body.from(), body.to(), body.reason(), body.note(), me());
	}

	@DeleteMapping("/unavailability/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeUnavailability(@PathVariable long id) {
		availability.removeUnavailability(id, me());
	}

	@PostMapping("/deputies/{id}/feed-token")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> createFeed(@PathVariable long id) {
		String token = feeds.createFeedToken(id, me());
		return Map.of("token", token, "url", "/ical/deputies/" + token + ".ics");
	}

	@DeleteMapping("/deputies/{id}/feed-token")
	ResponseEntity<Void> revokeFeed(@PathVariable long id) {
		return feeds.revokeFeedToken(id, me()) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "duty.error.date");
		}
	}

}
