package cn.deputylink.opinion.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.ConstituentFeedback;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.PublicView;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.opinion.internal.TrackingCodes;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.web.FormErrors;
import java.nio.charset.StandardCharsets;

/**
 * The constituent's pages, no account needed: the opinion form (with the
 * personal-information notice and an anonymous option), the tracking page and the rating
 * of the reply.
 */
@Controller
@RequestMapping("/public/opinions")
class PublicOpinionPages {

	private static final Logger log = LoggerFactory.getLogger(PublicOpinionPages.class);

	private final OpinionIntake intake;

	private final ConstituentFeedback feedback;

	private final RegistryLookup registryLookup;

	private final FormErrors errors;

	PublicOpinionPages(OpinionIntake intake, ConstituentFeedback feedback, RegistryLookup registryLookup,
			FormErrors errors) {
		this.intake = intake;
		this.feedback = feedback;
		this.registryLookup = registryLookup;
		this.errors = errors;
	}

	/** The public form's fields. */
	record PublicForm(@Nullable Long stationId, @Nullable Long villageId, @Nullable String categoryCode,
			@Nullable String content, @Nullable String name, @Nullable String phone, @Nullable Boolean anonymous,
			@Nullable Boolean consent) {

		boolean isAnonymous() {
			return Boolean.TRUE.equals(anonymous);
		}
	}

	private void prepare(Model model) {
		model.addAttribute("categories", registryLookup.activeCategories());
		model.addAttribute("stations", registryLookup.stationsOf(null));
		model.addAttribute("villageGroups",
				registryLookup.activeTownships()
					.stream()
					.map(t -> Map.entry(t, registryLookup.villagesOf(t.id())))
					.toList());
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) @Nullable Long station, Model model) {
		prepare(model);
		model.addAttribute("form", new PublicForm(station, null, null, "", "", "", false, false));
		return "public/opinion-new";
	}

	/**
	 * The form's honeypot: a text field people never see ({@code website}, off-screen,
	 * hidden from screen readers, out of the tab order) that form-filling robots fill in.
	 * Such a post creates nothing and answers 200 with the form again, its input kept and
	 * a neutral message: it teaches a robot nothing (no error, no field named), while a
	 * person whose browser filled the field after all keeps the text and is told to try
	 * again or come to a workstation — a fake success would silently lose a real opinion.
	 */
	static final String HONEYPOT = "website";

	@PostMapping
	String submit(PublicForm form, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(name = HONEYPOT, required = false) @Nullable String honeypot, Model model,
			RedirectAttributes redirect) {
		if (notBlank(honeypot)) {
			log.info("Public opinion form with its honeypot filled: nothing created");
			model.addAttribute("flash", errors.msg("edge.honeypot.neutral"));
			prepare(model);
			model.addAttribute("form", form);
			return "public/opinion-new";
		}
		boolean personal = !form.isAnonymous() && (notBlank(form.name()) || notBlank(form.phone()));
		try {
			if (personal && !Boolean.TRUE.equals(form.consent())) {
				throw new InvalidInputException("consent", "public.opinion.consentRequired");
			}
			String code = intake
				.submit(new Intake(Source.ONLINE, form.stationId(), form.villageId(),
						notBlank(form.categoryCode()) ? form.categoryCode() : null,
						form.content() == null ? "" : form.content(), null, List.of(), form.name(), form.phone(),
						form.isAnonymous()), null, null, OpinionApiController.uploads(files))
				.opinion()
				.trackingCode();
			redirect.addFlashAttribute("submitted", true);
			return "redirect:/public/opinions/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("files", "opinion.attachment.tooLarge", ex.maxMegabytes()));
		}
		prepare(model);
		model.addAttribute("form", form);
		// a browser cannot put a chosen file back into the form: say so, naming the files
		// to choose again
		model.addAttribute("filesAgain", chosenFiles(files));
		return "public/opinion-new";
	}

	/** The names of the files that came with a refused form. */
	static List<String> chosenFiles(@Nullable List<MultipartFile> files) {
		return files == null ? List.of()
				: files.stream()
					.filter(f -> !f.isEmpty())
					.map(f -> f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "?"
							: AttachmentNames.shortName(f.getOriginalFilename()))
					.toList();
	}

	private static boolean notBlank(@Nullable String s) {
		return s != null && !s.isBlank();
	}

	/**
	 * The lookup form; with a code, goes to that opinion's page (or says the code is
	 * wrong).
	 */
	@GetMapping("/track")
	String track(@RequestParam(required = false) @Nullable String code, Model model) {
		if (code != null && !code.isBlank()) {
			var normalised = TrackingCodes.normalise(code.length() > 40 ? "" : code);
			if (normalised.isPresent()) {
				return "redirect:/public/opinions/" + normalised.get();
			}
			model.addAttribute("notFound", true);
			model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) : code);
		}
		return "public/opinion-track";
	}

	@GetMapping("/{code}")
	String show(@PathVariable String code, Model model) {
		PublicView view;
		try {
			view = feedback.publicView(code);
		}
		catch (NotFoundException ex) {
			model.addAttribute("notFound", true);
			model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) : code);
			return "public/opinion-track";
		}
		model.addAttribute("v", view);
		model.addAttribute("satisfactions", Satisfaction.values());
		return "public/opinion";
	}

	@PostMapping("/{code}/feedback")
	String feedback(@PathVariable String code, @RequestParam(required = false) @Nullable Satisfaction satisfaction,
			@RequestParam(required = false) @Nullable String comment, RedirectAttributes redirect) {
		try {
			feedback.feedback(code, satisfaction, comment);
			redirect.addFlashAttribute("flash", errors.msg("public.opinion.thanks"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/public/opinions/" + TrackingCodes.normalise(code).orElse("track");
	}

}
