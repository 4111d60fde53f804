package cn.deputylink.proposal.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.ResultClass;
import cn.deputylink.proposal.ResultClasses;
import cn.deputylink.proposal.internal.ProposalSteps;

/**
 * The county's reply result classes: everyone with a part in proposals reads them, the
 * county admin replaces the list.
 */
@RestController
@RequestMapping("/api/v1/proposal-result-classes")
class ResultClassApiController {

	private final ResultClasses classes;

	ResultClassApiController(ResultClasses classes) {
		this.classes = classes;
	}

	record ClassBody(@Nullable @Size(max = 8) String code, @Nullable @Size(max = 40) String label,
			@Nullable @Size(max = 500) String explanation, @Nullable Boolean favourable, @Nullable Boolean active) {

		ResultClass resultClass(int order) {
			return new ResultClass(code == null ? "" : code, label == null ? "" : label,
					explanation == null ? "" : explanation, Boolean.TRUE.equals(favourable), order,
					active == null || active);
		}
	}

	@GetMapping
	List<ResultClass> all() {
		ProposalSteps.requireProposalRole(CurrentUser.get());
		return classes.all();
	}

	@PutMapping
	List<ResultClass> replace(@Valid @RequestBody @NotNull @Size(max = 50) List<@Valid ClassBody> body) {
		List<ResultClass> in = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			in.add(body.get(i).resultClass(i + 1));
		}
		return classes.replace(in, CurrentUser.get());
	}

}
