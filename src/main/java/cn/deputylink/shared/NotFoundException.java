package cn.deputylink.shared;

/** An id that names nothing: 404 in the API, a "not found" page in the browser. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
