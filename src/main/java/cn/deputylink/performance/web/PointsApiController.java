package cn.deputylink.performance.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.performance.DeputyPoints;
import cn.deputylink.performance.Points;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.performance.PointsSchemes;
import cn.deputylink.performance.PointsTable;
import cn.deputylink.performance.Publication;

/**
 * Points: the scheme (county admin changes it), a township's table of a quarter (live and
 * published), publishing a quarter (201; 409 when it is published already), a deputy's
 * published scores.
 */
@RestController
class PointsApiController {

	private final Points points;

	private final PointsSchemes schemes;

	PointsApiController(Points points, PointsSchemes schemes) {
		this.points = points;
		this.schemes = schemes;
	}

	@GetMapping("/api/v1/points/scheme")
	PointsScheme scheme() {
		return schemes.get(CurrentUser.get());
	}

	/** The whole scheme: every item required, 0–100. */
	@PutMapping("/api/v1/points/scheme")
	PointsScheme update(@RequestBody PointsSchemes.Change change) {
		return schemes.update(change, CurrentUser.get());
	}

	@GetMapping("/api/v1/points")
	PointsTable table(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Integer quarter,
			@RequestParam(required = false) @Nullable Long townshipId) {
		return points.table(year, quarter, townshipId, CurrentUser.get());
	}

	record PublishBody(@Nullable Integer year, @Nullable Integer quarter, @Nullable Long townshipId) {
	}

	@PostMapping("/api/v1/points/publications")
	@ResponseStatus(HttpStatus.CREATED)
	Publication publish(@RequestBody PublishBody body) {
		return points.publish(body.year(), body.quarter(), body.townshipId(), CurrentUser.get());
	}

	@GetMapping("/api/v1/deputies/{id}/points")
	DeputyPoints ofDeputy(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return points.ofDeputy(id, year, CurrentUser.get());
	}

}
