package cn.deputylink.opinion.web;

import org.jspecify.annotations.Nullable;

import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.TextInput;

/**
 * The list's filters as query parameters, bound by name
 * ({@code ?status=&townshipId=&...&q=}).
 */
record FilterParams(@Nullable OpinionStatus status, @Nullable Long townshipId, @Nullable Long stationId,
		@Nullable Long departmentId, @Nullable String categoryCode, @Nullable DeadlineColour deadline,
		@Nullable Boolean overdue, @Nullable Boolean escalated, @Nullable String q) {

	/**
	 * The same filters with the words cut to the 200 characters a list accepts (a page
	 * forgives, the API refuses).
	 */
	FilterParams shortened() {
		String words = q == null || q.strip().length() <= 200 ? q : q.strip().substring(0, 200);
		return new FilterParams(status, townshipId, stationId, departmentId, categoryCode, deadline, overdue, escalated,
				words);
	}

	OpinionFilter filter() {
		if (q != null && q.length() > 200) {
			throw new InvalidInputException("q", "validation.size.max", 200);
		}
		return new OpinionFilter(status, townshipId, stationId, departmentId, TextInput.blankToNull(categoryCode),
				deadline, overdue, escalated, TextInput.blankToNull(q));
	}
}
