package cn.deputylink.opinion.web;

import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import cn.deputylink.opinion.internal.Routing;
import cn.deputylink.opinion.RoutingRule;

/** The routing table: county admins write, triagers read. */
@RestController
@RequestMapping("/api/v1/routing-rules")
class RoutingApiController {

	private final Routing routing;

	RoutingApiController(Routing routing) {
		this.routing = routing;
	}

	@GetMapping
	List<RoutingRule> list(@RequestParam(required = false) @Nullable String categoryCode) {
		return routing.list(categoryCode, CurrentUser.get());
	}

	@GetMapping("/{id}")
	RoutingRule get(@PathVariable long id) {
		return routing.get(id, CurrentUser.get());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RoutingRule create(@Valid @RequestBody Routing.RuleForm form) {
		return routing.create(form, CurrentUser.get());
	}

	record Change(@Nullable Long departmentId, @Nullable Integer version) {
	}

	@PutMapping("/{id}")
	RoutingRule update(@PathVariable long id, @RequestBody Change c) {
		return routing.update(id, c.departmentId(), c.version(), CurrentUser.get());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		routing.delete(id, CurrentUser.get());
	}

}
