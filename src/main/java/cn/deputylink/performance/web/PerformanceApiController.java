package cn.deputylink.performance.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.performance.PerformanceFile;
import cn.deputylink.performance.PerformanceFiles;

/** A deputy's performance file as JSON and as a PDF. */
@RestController
class PerformanceApiController {

	private final PerformanceFiles files;

	PerformanceApiController(PerformanceFiles files) {
		this.files = files;
	}

	/**
	 * {@code {deputyId, deputyName, year, asOf, duty: {attended, stoodIn, absent,
	 * substituted, upcoming}, activities: {byType: [{type, count, constituentsReceived,
	 * householdsVisited}], total, ...}, opinions: {received, byStatus, byOutcome,
	 * bySatisfaction, converted}, proposals: {led, coSigned, evaluations, items},
	 * obligations, points, days: [{date, mark, activityType}]}}.
	 */
	@GetMapping("/api/v1/deputies/{id}/performance")
	PerformanceFile file(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return files.file(id, year, CurrentUser.get());
	}

	@GetMapping("/api/v1/deputies/{id}/performance.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return PerformancePages.pdfResponse(files, id, year);
	}

}
