package cn.deputylink.shared.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.shared.NotFoundException;

/**
 * Any {@code /api/**} path no controller claims answers a problem+json 404, not an error
 * page.
 */
@RestController
class ApiFallbackController {

	@RequestMapping("/api/**")
	void unknown() {
		throw new NotFoundException("path", "");
	}

}
