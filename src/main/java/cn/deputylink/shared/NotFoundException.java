package cn.deputylink.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An id that names nothing: 404 in the API, a "not found" page in the browser (the status
 * below sends a page that does not catch it to {@code error/404} instead of a 500).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
