package cn.deputylink.opinion.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.ConstituentFeedback;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.PublicView;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;

/**
 * The constituent's API: submit without an account, follow by tracking code, rate the
 * reply.
 */
@RestController
@RequestMapping("/api/v1/public/opinions")
class PublicOpinionApiController {

	private final OpinionIntake intake;

	private final ConstituentFeedback feedback;

	PublicOpinionApiController(OpinionIntake intake, ConstituentFeedback feedback) {
		this.intake = intake;
		this.feedback = feedback;
	}

	record NewPublicOpinion(@Nullable Long stationId, @Nullable Long villageId,
			@Nullable @Size(max = 40) String categoryCode, @NotNull @Size(max = 4000) String content,
			@Valid OpinionApiController.@Nullable ConstituentBody constituent) {
	}

	record Submitted(String trackingCode) {
	}

	@PostMapping
	ResponseEntity<Submitted> submit(@Valid @RequestBody NewPublicOpinion b,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		var c = b.constituent() == null ? new OpinionApiController.ConstituentBody(null, null, false) : b.constituent();
		OpinionIntake.Created created = intake
			.submit(new Intake(Source.ONLINE, b.stationId(), b.villageId(), b.categoryCode(), b.content(), null,
					List.of(), c.name(), c.phone(), Boolean.TRUE.equals(c.anonymous())), null, key, List.of());
		String code = created.opinion().trackingCode();
		return ResponseEntity.created(URI.create("/api/v1/public/opinions/" + code))
			.header("Idempotent-Replayed", String.valueOf(created.replayed()))
			.body(new Submitted(code));
	}

	record Step(String action, OffsetDateTime at) {
	}

	record Tracking(String trackingCode, OpinionStatus status, @Nullable Outcome outcome, OffsetDateTime submittedAt,
			List<Step> timeline, @Nullable String reply, @Nullable OffsetDateTime repliedAt, boolean feedbackOpen,
			@Nullable Satisfaction satisfaction, @Nullable String mergedInto) {
	}

	static Tracking tracking(PublicView v) {
		return new Tracking(v.trackingCode(), v.status(), v.outcome(), v.submittedAt(),
				v.timeline().stream().map(s -> new Step(s.action().name(), s.at())).toList(), v.reply(), v.repliedAt(),
				v.feedbackOpen(), v.satisfaction(), v.mergedInto());
	}

	@GetMapping("/{code}")
	Tracking get(@PathVariable String code) {
		return tracking(feedback.publicView(code));
	}

	record Feedback(@Nullable Satisfaction satisfaction, @Nullable @Size(max = 1000) String comment) {
	}

	@PostMapping("/{code}/feedback")
	Tracking feedback(@PathVariable String code, @Valid @RequestBody Feedback b) {
		return tracking(feedback.feedback(code, b.satisfaction(), b.comment()));
	}

}
