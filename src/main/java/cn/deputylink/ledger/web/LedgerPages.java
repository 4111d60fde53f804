package cn.deputylink.ledger.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.ledger.LedgerStation;
import cn.deputylink.ledger.StationLedgers;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The ledger page ({@code /ledgers}): pick a station (grouped by township for a county
 * admin, preselected for a liaison officer) and a period (quick picks or dates), see the
 * period's figures, and download the workbook ({@code /ledgers/download}, a form GET; a
 * bad choice re-shows the form with its messages). Deputies and department handlers 403.
 */
@Controller
@RequestMapping("/ledgers")
class LedgerPages {

	static final List<String> QUICK = List.of("thisMonth", "lastMonth", "thisQuarter", "thisYear", "lastYear");

	private final StationLedgers ledgers;

	private final FormErrors formErrors;

	private final Clock clock;

	private final ZoneId zone;

	LedgerPages(StationLedgers ledgers, FormErrors formErrors, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.ledgers = ledgers;
		this.formErrors = formErrors;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable String stationId,
			@RequestParam(required = false) @Nullable String quick,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		Choice c = choice(stationId, quick, from, to, model);
		if (c.station() != null && !model.containsAttribute("errors")) {
			try {
				model.addAttribute("ledger", ledgers.ledger(c.station(), c.from(), c.to(), CurrentUser.get()));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("errors", formErrors.of(ex));
			}
		}
		return "ledger/page";
	}

	@GetMapping("/download")
	Object download(@RequestParam(required = false) @Nullable String stationId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		Choice c = choice(stationId, null, from, to, model);
		if (c.station() == null && !model.containsAttribute("errors")) {
			model.addAttribute("errors", formErrors.refused("stationId", "ledger.error.station"));
		}
		if (model.containsAttribute("errors") || c.station() == null) {
			return "ledger/page";
		}
		try {
			return LedgerApiController.attachment(
					ledgers.export(c.station(), c.from(), c.to(), CurrentUser.get(), LocaleContextHolder.getLocale()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return "ledger/page";
		}
	}

	private record Choice(@Nullable Long station, @Nullable String from, @Nullable String to) {
	}

	/** The form's model: stations, the chosen station and period as typed. */
	private Choice choice(@Nullable String stationId, @Nullable String quick, @Nullable String from,
			@Nullable String to, Model model) {
		CurrentUser me = CurrentUser.get();
		List<LedgerStation> stations = ledgers.stations(me);
		Map<String, List<LedgerStation>> byTownship = new LinkedHashMap<>();
		for (LedgerStation s : stations) {
			byTownship.computeIfAbsent(s.townshipName(), k -> new ArrayList<>()).add(s);
		}
		Long station = null;
		if (stationId != null && !stationId.isBlank()) {
			try {
				station = Long.valueOf(stationId.strip());
			}
			catch (NumberFormatException ex) {
				model.addAttribute("errors", formErrors.refused("stationId", "ledger.error.station"));
			}
		}
		else if (stations.size() == 1) {
			station = stations.get(0).id();
		}
		else if (me.stationId() != null && stations.stream().anyMatch(s -> s.id() == me.stationId())) {
			station = me.stationId();
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		String f = from;
		String t = to;
		String q = quick == null || quick.isBlank() ? null : quick.strip();
		if (q == null && (f == null || f.isBlank()) && (t == null || t.isBlank())) {
			q = "thisMonth";
		}
		if (q != null && !"custom".equals(q)) {
			LocalDate[] p = quick(q, today);
			if (p == null) {
				model.addAttribute("errors", formErrors.refused("quick", "ledger.error.quick"));
			}
			else {
				f = p[0].toString();
				t = p[1].toString();
			}
		}
		model.addAttribute("stations", stations);
		model.addAttribute("byTownship", byTownship);
		model.addAttribute("grouped", me.isCountyAdmin());
		model.addAttribute("stationId", station);
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		model.addAttribute("quicks", QUICK);
		model.addAttribute("quickActive", active(f, t, today));
		return new Choice(station, f, t);
	}

	private static @Nullable String active(@Nullable String f, @Nullable String t, LocalDate today) {
		for (String q : QUICK) {
			LocalDate[] p = Objects.requireNonNull(quick(q, today));
			if (p[0].toString().equals(f) && p[1].toString().equals(t)) {
				return q;
			}
		}
		return "custom";
	}

	static LocalDate @Nullable [] quick(String q, LocalDate today) {
		YearMonth month = YearMonth.from(today);
		int quarterStart = (today.getMonthValue() - 1) / 3 * 3 + 1;
		return switch (q) {
			case "thisMonth" -> new LocalDate[] { month.atDay(1), month.atEndOfMonth() };
			case "lastMonth" -> new LocalDate[] { month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth() };
			case "thisQuarter" -> new LocalDate[] { LocalDate.of(today.getYear(), quarterStart, 1),
					YearMonth.of(today.getYear(), quarterStart + 2).atEndOfMonth() };
			case "thisYear" ->
				new LocalDate[] { LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31) };
			case "lastYear" ->
				new LocalDate[] { LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31) };
			default -> null;
		};
	}

}
