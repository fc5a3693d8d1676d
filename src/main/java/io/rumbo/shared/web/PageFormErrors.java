package io.rumbo.shared.web;

import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UrlPathHelper;

import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A page form whose change a facade refuses (invalid input, a conflict with the record's state, a version someone else
 * changed) comes back to the page it was sent from with the reason as a message in the user's language, instead of an
 * error page, so page controllers need not catch these exceptions. The API and htmx requests keep their answers
 * from {@link ErrorResponses} (a problem detail, an error fragment).
 * <p>
 * A form that shows field errors next to its fields and keeps what was typed still binds the exception itself
 * ({@link FormErrors#bind}), because re-showing it needs that controller's model; this advice is for everything else.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageFormErrors {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private final ErrorResponses errors;
	private final MessageSource messages;
	private final FieldLabels labels;
	private final HandlerMapping pages;

	/** @param pages the controllers' mappings, to tell a page that can be shown from an action that only takes a POST */
	PageFormErrors(ErrorResponses errors, MessageSource messages, FieldLabels labels,
			@Qualifier("requestMappingHandlerMapping") HandlerMapping pages) {
		this.errors = errors;
		this.messages = messages;
		this.labels = labels;
		this.pages = pages;
	}

	@ExceptionHandler(ValidationFailedException.class)
	Object invalid(ValidationFailedException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!isPageForm(request)) {
			return errors.invalid(ex, request, response);
		}
		String reasons = ex.errors().stream()
			.map(error -> labels.error(error.field(), msg(error.messageKey(), error.arguments())))
			.collect(Collectors.joining("; "));
		return back(request, reasons, "danger");
	}

	@ExceptionHandler(ConflictException.class)
	Object conflict(ConflictException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!isPageForm(request)) {
			return errors.conflict(ex, request, response);
		}
		return back(request, msg(ex.messageKey(), ex.arguments()), "warning");
	}

	@ExceptionHandler(StaleVersionException.class)
	Object stale(StaleVersionException ex, HttpServletRequest request, HttpServletResponse response) {
		if (!isPageForm(request)) {
			return errors.stale(ex, request, response);
		}
		return back(request, msg("shared.problem.staleVersion.page"), "warning");
	}

	/** A form posted by the browser itself: not the API, not an htmx request (that one gets an error fragment). */
	private static boolean isPageForm(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && !ErrorResponses.isApi(request)
				&& !"true".equals(request.getHeader("HX-Request"));
	}

	private ModelAndView back(HttpServletRequest request, String message, String kind) {
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flashText", message);
		flash.put("flashKind", kind);
		return new ModelAndView("redirect:" + pageSentFrom(request));
	}

	/**
	 * The page the form was on, from the Referer header, kept to its path and query so that it never leaves this
	 * application. Without one, the form's own URL when it also shows a page (forms post back to the URL that shows
	 * them), otherwise the nearest page above it ({@code /catalog/products/5/costs} goes back to
	 * {@code /catalog/products/5}).
	 */
	String pageSentFrom(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		String contextPath = request.getContextPath();
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				String path = uri.getRawPath();
				boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
				if (sameHost && path != null && path.startsWith(contextPath + "/") && !path.startsWith(contextPath + "//")) {
					return path.substring(contextPath.length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
				}
			}
			catch (IllegalArgumentException ex) {
				// A malformed Referer is ignored like a missing one.
			}
		}
		String path = PATHS.getPathWithinApplication(request);
		while (path.lastIndexOf('/') > 0 && !showsAPage(request, path)) {
			path = path.substring(0, path.lastIndexOf('/'));
		}
		return path;
	}

	private boolean showsAPage(HttpServletRequest request, String path) {
		try {
			return pages.getHandler(new PageRead(request, path)) != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** A GET of another path of this application, with attributes of its own so the POST's request is left as it is. */
	private static final class PageRead extends HttpServletRequestWrapper {

		private final String path;
		private final Map<String, Object> attributes = new HashMap<>();

		PageRead(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + path;
		}

		@Override
		public String getServletPath() {
			return path;
		}

		@Override
		public @Nullable String getPathInfo() {
			return null;
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}
	}

	private String msg(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
