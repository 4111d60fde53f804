package cn.deputylink.targets.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;
import cn.deputylink.shared.web.FormNumbers;
import cn.deputylink.shared.web.Uploads;
import cn.deputylink.targets.EvidenceFile;
import cn.deputylink.targets.TownshipTargets;

/**
 * The pages: the year's ranking (a township admin: its own row), one township's items
 * with the manual items' scores (county admins) and evidence files (county admins and the
 * township's admin), and the rules with the marks (edited by county admins). A refused
 * form is shown again with the user's input and the messages.
 */
@Controller
@RequestMapping("/targets")
class TargetsPages {

	private final TownshipTargets targets;

	private final FormErrors errors;

	TargetsPages(TownshipTargets targets, FormErrors errors) {
		this.targets = targets;
		this.errors = errors;
	}

	@GetMapping
	String ranking(@RequestParam(required = false) @Nullable Integer year, Model model) {
		CurrentUser me = CurrentUser.get();
		int y = targets.year(year);
		model.addAttribute("year", y);
		model.addAttribute("rows", targets.ranking(y, me));
		model.addAttribute("marks", targets.marks(me));
		return "targets/ranking";
	}

	@GetMapping("/townships/{id}")
	String township(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Model model) {
		CurrentUser me = CurrentUser.get();
		int y = targets.year(year);
		model.addAttribute("year", y);
		model.addAttribute("r", targets.township(id, y, me));
		model.addAttribute("evidence",
				targets.evidenceFiles(id, y, me).stream().collect(Collectors.groupingBy(EvidenceFile::ruleCode)));
		model.addAttribute("canScore", me.isCountyAdmin());
		return "targets/township";
	}

	@PostMapping("/townships/{id}/manual/{code}")
	String score(@PathVariable long id, @PathVariable String code, @RequestParam int year,
			@RequestParam(required = false) @Nullable String points,
			@RequestParam(required = false) @Nullable String evidence, Model model, RedirectAttributes redirect) {
		try {
			targets.scoreManual(id, year, code, decimal(points), evidence == null ? "" : evidence, CurrentUser.get());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("formCode", code);
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("formPoints", points);
			model.addAttribute("formEvidence", evidence);
			return township(id, year, model);
		}
		redirect.addFlashAttribute("flash", errors.msg("targets.manual.saved"));
		return "redirect:/targets/townships/" + id + "?year=" + year;
	}

	@PostMapping("/townships/{id}/evidence")
	String addEvidence(@PathVariable long id, @RequestParam int year, @RequestParam String rule,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect) {
		try {
			targets.addEvidence(id, year, rule, Uploads.of(files, "evidence"), CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("targets.evidence.added"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			FormErrors.markRefused();
			redirect.addFlashAttribute("flashError", errors.msg("targets.evidence.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/targets/townships/" + id + "?year=" + year;
	}

	@GetMapping("/townships/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long fileId) {
		return TargetsApiController.download(targets.evidenceFile(id, fileId, CurrentUser.get()));
	}

	@GetMapping("/rules")
	String rules(Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("rules", targets.rules(me));
		model.addAttribute("marks", targets.marks(me));
		model.addAttribute("canEdit", me.isCountyAdmin());
		return "targets/rules";
	}

	@PostMapping("/rules/{code}")
	String updateRule(@PathVariable String code, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String maxPoints,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String position,
			@RequestParam(required = false) @Nullable String active, @RequestParam int version, Model model,
			RedirectAttributes redirect) {
		try {
			targets.updateRule(code, name == null ? "" : name, decimal(maxPoints), decimal(target), integer(position),
					active != null, version, CurrentUser.get());
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("formCode", code);
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("form", Map.of("name", name == null ? "" : name, "maxPoints",
					maxPoints == null ? "" : maxPoints, "target", target == null ? "" : target));
			return rules(model);
		}
		redirect.addFlashAttribute("flash", errors.msg("targets.rule.saved"));
		return "redirect:/targets/rules";
	}

	@PostMapping("/marks")
	String updateMarks(@RequestParam(required = false) @Nullable String excellent,
			@RequestParam(required = false) @Nullable String pass, @RequestParam int version, Model model,
			RedirectAttributes redirect) {
		try {
			targets.updateMarks(decimal(excellent), decimal(pass), version, CurrentUser.get());
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("formCode", "marks");
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("formExcellent", excellent);
			model.addAttribute("formPass", pass);
			return rules(model);
		}
		redirect.addFlashAttribute("flash", errors.msg("targets.marks.saved"));
		return "redirect:/targets/rules";
	}

	/**
	 * A number typed into a form (at most 20 characters), or null: the facade says why.
	 */
	private static @Nullable BigDecimal decimal(@Nullable String s) {
		return FormNumbers.decimal(s, 20);
	}

	private static int integer(@Nullable String s) {
		BigDecimal d = decimal(s);
		return d == null || d.scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(100_000)) > 0 ? 0 : d.intValue();
	}

}
