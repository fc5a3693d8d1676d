package io.rumbo.shared.health;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database outage answers 503 (temporarily unavailable, try again) rather than the 500 of an unexpected error. Runs
 * before the general error advice; {@link Filter} covers the filters that touch the database before any controller.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageResponses {

	private final MessageSource messages;

	DatabaseOutageResponses(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	Object unavailable(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		DatabaseOutage.logged(request, ex);
		response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER);
		var problem = DatabaseOutage.problem(messages, request,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		if (DatabaseOutage.isApi(request)) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView page = new ModelAndView("shared/error");
		page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("title", problem.getTitle());
		page.addObject("detail", problem.getDetail());
		return page;
	}

	/** The outermost filter: a failure to reach the database in the session store or the token lookup. */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Filter extends OncePerRequestFilter {

		private final MessageSource messages;
		private final JsonMapper json;

		Filter(MessageSource messages, JsonMapper json) {
			this.messages = messages;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (RuntimeException | ServletException ex) {
				if (!DatabaseOutage.isOutage(ex) || response.isCommitted()) {
					throw ex;
				}
				DatabaseOutage.logged(request, ex);
				DatabaseOutage.write(messages, json, request, response);
			}
		}
	}
}
