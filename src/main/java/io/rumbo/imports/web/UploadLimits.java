package io.rumbo.imports.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import io.rumbo.imports.ImportLog;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportUpload;

/**
 * The upload limit ({@code rumbo.imports.max-upload-size}) of every import path, and its answer: 413 with a problem
 * detail naming the limit for the API, the message in the import page's progress panel for the page. A multipart
 * upload over the limit fails while the servlet container parses it, before any controller is chosen, so this advice
 * is not scoped to the import controllers and comes before the application's catch-all (which answered 500); imports
 * are the application's only uploads.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

	private static final Logger log = LoggerFactory.getLogger(UploadLimits.class);

	private final ImportService imports;
	private final MessageSource messages;

	UploadLimits(ImportService imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	long maxBytes() {
		return imports.settings().maxUploadSize().toBytes();
	}

	/** The {@code charset} parameter of a Content-Type, unquoted; null when absent or unparseable. */
	static @Nullable String charsetOf(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			String charset = MediaType.parseMediaType(contentType).getParameter("charset");
			return charset == null ? null : charset.replace("\"", "");
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class, ImportUpload.TooLargeException.class })
	Object tooLarge(Exception ex, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		long limit = maxBytes();
		log.info("Upload over the limit of {} bytes refused on {}", limit, ImportLog.safe(request.getRequestURI()));
		String size = megabytes(limit);
		String title = messages.getMessage("imports.problem.tooLarge.title", null, locale);
		String detail = messages.getMessage("imports.error.tooLarge", new Object[] { size }, locale);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
			problem.setType(URI.create("https://rumbo.io/problems/upload-too-large"));
			problem.setTitle(title);
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("limit", limit);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		ModelAndView page = new ModelAndView(htmx ? "imports/imports :: progress" : "shared/error");
		page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
		page.addObject("title", title);
		page.addObject("detail", detail);
		page.addObject("uploadProblem", detail);
		return page;
	}

	/** The limit as people write it: whole megabytes when it is, else with one decimal. */
	static String megabytes(long bytes) {
		long mb = 1024L * 1024L;
		return bytes % mb == 0 ? Long.toString(bytes / mb)
				: java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(mb), 1,
						java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
