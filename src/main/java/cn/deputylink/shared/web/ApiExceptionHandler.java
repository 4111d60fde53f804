package cn.deputylink.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.SpreadsheetException;

import tools.jackson.databind.DatabindException;

/**
 * The one place where API errors become RFC 9457 problem details. Never a stack trace,
 * never an HTML page; validation errors carry {@code errors: [{field, message}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	private String msg(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		String m = messages.getMessage(key, args, key, locale);
		return m == null ? key : m;
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(URI.create("about:blank"));
		p.setTitle(status.getReasonPhrase());
		return p;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, msg("error.notFound"));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, msg(ex.messageKey(), ex.args()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, msg("error.staleVersion"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		log.debug("integrity violation", ex);
		return problem(HttpStatus.CONFLICT, msg("error.integrity"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, msg("error.forbidden"));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
		p.setProperty("errors",
				ex.errors()
					.stream()
					.map(e -> Map.of("field", e.field(), "message", msg(e.messageKey(), e.args())))
					.toList());
		return p;
	}

	@ExceptionHandler(ImportRejectedException.class)
	ProblemDetail importRejected(ImportRejectedException ex) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST,
				msg("import.error.rows", ex.errors().stream().map(e -> e.row()).distinct().count()));
		p.setProperty("errors", ex.errors()
			.stream()
			.map(e -> Map.of("field", "row " + e.row(), "row", e.row(), "message", msg(e.messageKey(), e.args())))
			.toList());
		return p;
	}

	@ExceptionHandler(SpreadsheetException.class)
	ProblemDetail spreadsheet(SpreadsheetException ex) {
		return problem(HttpStatus.BAD_REQUEST, msg(ex.messageKey()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegalArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, msg("error.badRequest"));
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, msg("error.tooLarge"));
		}
		return problem(HttpStatus.BAD_REQUEST, msg("error.badRequest"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error in an API call", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, msg("error.unexpected"));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message",
					e.isBindingFailure() ? msg("input.error.type")
							: messages.getMessage(e, LocaleContextHolder.getLocale())))
			.toList();
		p.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(p);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
		p.setProperty("errors",
				ex.getAllErrors()
					.stream()
					.map(e -> Map.of("field", e instanceof FieldError fe ? fe.getField() : "", "message",
							messages.getMessage(e, LocaleContextHolder.getLocale())))
					.toList());
		return ResponseEntity.badRequest().body(p);
	}

	/**
	 * A body that is no JSON, or JSON of the wrong shape: 400, naming the field whose
	 * value has the wrong type or is not text ({@link StrictJson}) where Jackson knows
	 * it.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getRootCause() instanceof MaxUploadSizeExceededException) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, msg("error.tooLarge")));
		}
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("error.unreadable"));
		if (ex.getCause() instanceof DatabindException db && !db.getPath().isEmpty()) {
			String field = db.getPath()
				.stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
				.collect(Collectors.joining("."));
			boolean notText = db.getOriginalMessage() != null && db.getOriginalMessage().contains(StrictJson.NOT_TEXT);
			p.setProperty("errors", List
				.of(Map.of("field", field, "message", msg(notText ? "input.error.notText" : "input.error.type"))));
		}
		return ResponseEntity.badRequest().body(p);
	}

	/**
	 * A query parameter or path segment that is not of its type ({@code ?limit=abc},
	 * {@code /opinions/x}).
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("error.validation"));
		String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ex.getPropertyName() == null ? "" : ex.getPropertyName();
		p.setProperty("errors", List.of(Map.of("field", field, "message", msg("input.error.type"))));
		return ResponseEntity.badRequest().body(p);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, msg("error.tooLarge")));
	}

}
