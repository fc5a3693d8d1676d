package io.rumbo.identity.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused API sign-in: 401 with a generic message (never says which part was wrong), or 429 when throttled. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInProblems {

	private final MessageSource messages;

	SignInProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(SignInRefusedException.class)
	ResponseEntity<ProblemDetail> refused(SignInRefusedException ex, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		HttpStatus status = ex.throttled() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
		String type = ex.throttled() ? "throttled" : "bad-credentials";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.throttled()
				? messages.getMessage("identity.login.error.throttled", new Object[] { ex.minutesToWait() }, locale)
				: messages.getMessage("identity.login.error.bad", null, locale));
		problem.setType(URI.create("https://rumbo.io/problems/" + type));
		problem.setTitle(messages.getMessage("shared.problem.unauthorized.title", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.throttled()) {
			answer.header("Retry-After", String.valueOf(ex.minutesToWait() * 60));
		}
		return answer.body(problem);
	}
}
