package io.rumbo.shared.health;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an unreachable database looks like to a caller: 503 with an RFC 9457 problem (type
 * {@code https://rumbo.io/problems/unavailable}) for the API, the error page with 503 for a page. Shared by the
 * controller advice (failures inside a handler) and the outermost filter (failures in the filters before it: the
 * token lookup, the session store).
 */
final class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
	static final String TYPE = "https://rumbo.io/problems/unavailable";
	/** How long a client should wait before trying again, in seconds. */
	static final String RETRY_AFTER = "5";

	private DatabaseOutage() {
	}

	/** Whether this failure, or one of its causes, says the database could not be reached. */
	static boolean isOutage(@Nullable Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException
					|| t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
		}
		return false;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	static ProblemDetail problem(MessageSource messages, HttpServletRequest request, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				messages.getMessage("shared.problem.unavailable.detail", null, locale));
		problem.setType(URI.create(TYPE));
		problem.setTitle(messages.getMessage("shared.problem.unavailable.title", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	static void logged(HttpServletRequest request, Throwable failure) {
		log.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
	}

	/** Writes the answer straight to the response, for failures outside Spring MVC. */
	static void write(MessageSource messages, JsonMapper json, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", RETRY_AFTER);
		// Outside Spring MVC no locale resolver has run yet: the request's Accept-Language decides.
		ProblemDetail problem = problem(messages, request, request.getLocale());
		if (isApi(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(json.writeValueAsString(problem));
		}
		else {
			// The error page needs the view machinery, which may itself need the database; plain text is certain.
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write(problem.getTitle() + "\n" + problem.getDetail() + "\n");
		}
		response.flushBuffer();
	}
}
