package io.rumbo.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Maps every failure to one answer: RFC 9457 problem details for the API, an error page for a page
 * request and an error fragment for an htmx request. Titles and details come from the message bundles
 * in the caller's language.
 */
@ControllerAdvice
class ErrorResponses {

	private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
	private static final String TYPE_BASE = "https://rumbo.io/problems/";

	private final MessageSource messages;
	private final FieldLabels labels;

	ErrorResponses(MessageSource messages, FieldLabels labels) {
		this.messages = messages;
		this.labels = labels;
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.NOT_FOUND, "not-found", msg("shared.problem.notFound.detail"), null);
	}

	/** An address nothing answers: static files come from their own folders only, so any other path lands here. */
	@ExceptionHandler({ NoResourceFoundException.class, org.springframework.web.servlet.NoHandlerFoundException.class })
	Object noResource(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.NOT_FOUND, "not-found", msg("shared.problem.notFound.detail"), null);
	}

	@ExceptionHandler(StaleVersionException.class)
	Object stale(StaleVersionException ex, HttpServletRequest request, HttpServletResponse response) {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("current", ex.current());
		return answer(request, response, HttpStatus.CONFLICT, "stale-version",
				msg("shared.problem.staleVersion.detail", ex.expected()), extra);
	}

	/**
	 * Another edit of the same record committed between this edit's version check and its write (the optimistic lock
	 * failed at flush or commit), or a row lock could not be had: the caller's copy is stale, as with a version that
	 * no longer matches. Facades that can re-read the record answer {@link StaleVersionException} with it instead.
	 */
	@ExceptionHandler({ ConcurrencyFailureException.class, OptimisticLockException.class })
	Object concurrentWrite(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Concurrent write on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return answer(request, response, HttpStatus.CONFLICT, "stale-version", msg("shared.problem.concurrentWrite.detail"),
				null);
	}

	@ExceptionHandler(ConflictException.class)
	Object conflict(ConflictException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.CONFLICT, "conflict", msg(ex.messageKey(), ex.arguments()), null);
	}

	@ExceptionHandler({ AccessRefusedException.class, AccessDeniedException.class })
	Object forbidden(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.FORBIDDEN, "forbidden", msg("shared.problem.forbidden.detail"), null);
	}

	@ExceptionHandler(ValidationFailedException.class)
	Object invalid(ValidationFailedException ex, HttpServletRequest request, HttpServletResponse response) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ValidationFailedException.FieldError error : ex.errors()) {
			errors.add(fieldError(error.field(), msg(error.messageKey(), error.arguments())));
		}
		return validation(request, response, errors);
	}

	@ExceptionHandler(BindException.class)
	Object bind(BindException ex, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getFieldErrors().forEach(fe -> errors.add(fieldError(fe.getField(), messages.getMessage(fe, locale))));
		ex.getGlobalErrors().forEach(ge -> errors.add(fieldError(ge.getObjectName(), messages.getMessage(ge, locale))));
		return validation(request, response, errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object methodValidation(HandlerMethodValidationException ex, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> errors.add(fieldError(result.getMethodParameter().getParameterName(),
					messages.getMessage(error, locale)))));
		return validation(request, response, errors);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response) {
		return validation(request, response,
				List.of(fieldError(ex.getName(), msg("shared.validation.typeMismatch", String.valueOf(ex.getValue())))));
	}

	/**
	 * A page opened without a parameter it needs (a new service case without its customer, from a bookmark or a typed
	 * address) asks for it with a small form that opens the same page again, instead of a bare error.
	 */
	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		if ("GET".equals(request.getMethod()) && !isApi(request) && !"true".equals(request.getHeader("HX-Request"))) {
			ModelAndView page = new ModelAndView("shared/choose");
			page.setStatus(HttpStatus.BAD_REQUEST);
			page.addObject("title", msg("shared.choose.title", labels.label(ex.getParameterName())));
			page.addObject("parameter", ex.getParameterName());
			page.addObject("label", labels.label(ex.getParameterName()));
			page.addObject("action", request.getRequestURI());
			Map<String, String> kept = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!name.equals(ex.getParameterName()) && values.length > 0) {
					kept.put(name, values[0]);
				}
			});
			page.addObject("kept", kept);
			return page;
		}
		return validation(request, response, List.of(fieldError(ex.getParameterName(), msg("shared.validation.required"))));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.BAD_REQUEST, "unreadable-body", msg("shared.problem.unreadable.detail"),
				null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
				msg("shared.problem.methodNotAllowed.detail", ex.getMethod()), null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupported(HttpMediaTypeNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				msg("shared.problem.unsupportedMediaType.detail", String.valueOf(ex.getContentType())), null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
				msg("shared.problem.notAcceptable.detail"), null);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal", msg("shared.problem.internal.detail"),
				null);
	}

	private Object validation(HttpServletRequest request, HttpServletResponse response, List<Map<String, String>> errors) {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("errors", errors);
		String detail = errors.isEmpty() ? msg("shared.problem.validation.detail")
				: errors.stream().map(e -> labels.error(e.get("field"), e.get("message"))).reduce((a, b) -> a + "; " + b).orElse("");
		return answer(request, response, HttpStatus.BAD_REQUEST, "validation", detail, extra);
	}

	/** {@code field} stays the machine name for API clients; {@code label} is what a person reads. */
	private Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("label", labels.label(field));
		error.put("message", message);
		return error;
	}

	private Object answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail, Map<String, Object> extra) {
		String title = msg("shared.problem." + type + ".title");
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(URI.create(TYPE_BASE + type));
			problem.setTitle(title);
			problem.setInstance(URI.create(request.getRequestURI()));
			if (extra != null) {
				extra.forEach(problem::setProperty);
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		ModelAndView page = new ModelAndView(htmx ? "shared/error :: problem" : "shared/error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", title);
		page.addObject("detail", detail);
		if (htmx) {
			// htmx does not swap error responses by default; retarget to the page's message area.
			response.setHeader("HX-Retarget", "#problem");
			response.setHeader("HX-Reswap", "innerHTML");
		}
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
