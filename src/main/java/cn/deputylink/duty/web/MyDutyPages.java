package cn.deputylink.duty.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.DutyAvailability;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyFeeds;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.DutySwaps;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.web.FormErrors;

/**
 * A deputy's "my duty days": coming days and record, the private feed link,
 * unavailability and swap requests. Post-redirect-get with a flash message.
 */
@Controller
@RequestMapping("/duty")
class MyDutyPages {

	private final DutySwaps swapRequests;

	private final DutyAvailability availability;

	private final DutyQueries queries;

	private final DutyFeeds feeds;

	private final RegistryLookup registry;

	private final FormErrors errors;

	MyDutyPages(DutySwaps swapRequests, DutyAvailability availability, DutyQueries queries, DutyFeeds feeds,
			RegistryLookup registry, FormErrors errors) {
		this.swapRequests = swapRequests;
		this.availability = availability;
		this.queries = queries;
		this.feeds = feeds;
		this.registry = registry;
		this.errors = errors;
	}

	// the deputy's page

	@GetMapping("/me")
	String mine(Model model) {
		CurrentUser me = PageInputs.me();
		Long deputyId = me.deputyId();
		if (!me.is(Role.DEPUTY) || deputyId == null) {
			throw new AccessDeniedException("deputies only");
		}
		List<DutyDay> upcoming = queries.upcoming(deputyId, me);
		Set<Long> deputies = new HashSet<>();
		Set<Long> stations = new HashSet<>(registry.stationsOfDeputy(deputyId));
		upcoming.forEach(d -> {
			deputies.addAll(d.deputyIds());
			stations.add(d.stationId());
		});
		Map<Long, List<Long>> swapCandidates = new LinkedHashMap<>();
		for (DutyDay d : upcoming) {
			List<Long> candidates = registry.activeDeputiesOfStation(d.stationId())
				.stream()
				.filter(x -> !d.deputyIds().contains(x))
				.toList();
			swapCandidates.put(d.id(), candidates);
			deputies.addAll(candidates);
		}
		var record = queries.record(deputyId, null, me);
		record.forEach(r -> {
			stations.add(r.stationId());
			if (r.substituteId() != null) {
				deputies.add(r.substituteId());
			}
			if (r.substituteFor() != null) {
				deputies.add(r.substituteFor());
			}
		});
		List<SwapRequest> swaps = swapRequests.swaps(null, me);
		swaps.forEach(s -> deputies.addAll(List.of(s.fromDeputyId(), s.toDeputyId())));
		model.addAttribute("deputyId", deputyId);
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("record", record);
		model.addAttribute("swaps", swaps);
		model.addAttribute("swapCandidates", swapCandidates);
		model.addAttribute("names", registry.deputyNames(deputies));
		model.addAttribute("stationNames", registry.stationNames(stations));
		model.addAttribute("unavailability", availability.unavailability(deputyId, me));
		model.addAttribute("reasons", Unavailability.Reason.values());
		model.addAttribute("hasFeed", feeds.hasFeedToken(deputyId, me));
		model.addAttribute("absences",
				record.stream()
					.filter(r -> r.substituteFor() == null
							&& (r.attendance() == Attendance.ABSENT || r.attendance() == Attendance.SUBSTITUTE))
					.count());
		model.addAttribute("held", EnumSet.of(DutyStatus.HELD));
		return "duty/me";
	}

	private long myDeputy() {
		CurrentUser me = PageInputs.me();
		Long deputyId = me.deputyId();
		if (!me.is(Role.DEPUTY) || deputyId == null) {
			throw new AccessDeniedException("deputies only");
		}
		return deputyId;
	}

	@PostMapping("/me/feed")
	String createFeed(RedirectAttributes redirect) {
		String token = feeds.createFeedToken(myDeputy(), PageInputs.me());
		redirect.addFlashAttribute("feedPath", "/ical/deputies/" + token + ".ics");
		redirect.addFlashAttribute("flash", errors.msg("duty.page.feedCreated"));
		return "redirect:/duty/me#feed";
	}

	@PostMapping("/me/feed/revoke")
	String revokeFeed(RedirectAttributes redirect) {
		feeds.revokeFeedToken(myDeputy(), PageInputs.me());
		redirect.addFlashAttribute("flash", errors.msg("duty.page.feedRevoked"));
		return "redirect:/duty/me#feed";
	}

	@PostMapping("/me/unavailability")
	String declare(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		try {
			Unavailability.Reason r;
			try {
				r = reason.isBlank() ? null : Unavailability.Reason.valueOf(reason);
			}
			catch (IllegalArgumentException ex) {
				r = null;
			}
			availability.declareUnavailable(myDeputy(), from.isBlank() ? null : PageInputs.parseDate("from", from),
					to.isBlank() ? null : PageInputs.parseDate("to", to), r, note, PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/me#unavailability";
	}

	@PostMapping("/me/unavailability/{id}/delete")
	String removeUnavailability(@PathVariable long id, RedirectAttributes redirect) {
		myDeputy();
		availability.removeUnavailability(id, PageInputs.me());
		redirect.addFlashAttribute("flash", errors.msg("duty.page.removed"));
		return "redirect:/duty/me#unavailability";
	}

	@PostMapping("/me/swaps")
	String requestSwap(@RequestParam(defaultValue = "") String dayId,
			@RequestParam(defaultValue = "") String toDeputyId, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		myDeputy();
		try {
			long day = PageInputs.parseLong("dayId", dayId);
			swapRequests.requestSwap(day, null,
					toDeputyId.isBlank() ? null : PageInputs.parseLong("toDeputyId", toDeputyId), note,
					PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.swapRequested"));
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("flashError", ex instanceof NotFoundException ? errors.msg("error.notFound")
					: String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/me";
	}

}
