package io.rumbo.people.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.rumbo.people.PeopleFiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people module's own upload limit (decision 0040), enforced before the multipart body is parsed: the container
 * would otherwise spool a request up to the application's limit ({@code rumbo.imports.max-upload-size}) before
 * {@link PeopleFiles} saw the file's size. Ordered before the security filters, which read the CSRF parameter and so
 * parse the body. A post to a people file endpoint whose Content-Length is over the file limit (plus a margin for the
 * form's other fields) is refused: 413 with a problem detail for the API, the page it came from with the message for
 * a page. A post without a Content-Length (chunked) is refused with 411, since its size cannot be known without
 * reading it. {@link PeopleFiles} still checks the file itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PeopleUploadLimit extends OncePerRequestFilter {

	/** Room for the multipart boundaries, headers and the form's other fields. */
	static final long MARGIN = 64 * 1024;

	/** Bytes read and dropped from a refused body so that the client reads the answer; beyond this it is cut. */
	private static final long DRAINED = 16L * 1024 * 1024;

	private static final Pattern PATHS = Pattern.compile(
			"/people/candidates/\\d+/files|/people/staff/\\d+/evidence|/api/v1/people/.+/files");

	private final PeopleFiles files;
	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json = JsonMapper.builder().build();

	PeopleUploadLimit(PeopleFiles files, MessageSource messages, LocaleResolver locales) {
		this.files = files;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		long limit = files.maxSize().toBytes();
		if (length >= 0 && length <= limit + MARGIN) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = locales.resolveLocale(request);
		HttpStatus status = length < 0 ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE;
		String detail = length < 0
				? messages.getMessage("people.file.lengthRequired", null, locale)
				: messages.getMessage("people.file.requestTooLarge",
						new Object[] { PeopleFiles.megabytes(length), files.maxMegabytes() }, locale);
		drain(request);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(URI.create("https://rumbo.io/problems/upload-too-large"));
			problem.setTitle(messages.getMessage("people.file.requestTooLarge.title", null, locale));
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("limit", limit);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(json.writeValueAsString(problem));
			return;
		}
		// A page: back to the page the form was on (the candidate's, the person's), with the message.
		FlashMap flash = new FlashMap();
		flash.put("flashText", detail);
		flash.put("flashKind", "danger");
		String back = path.endsWith("/files") ? path.substring(0, path.length() - "/files".length())
				: path.substring(0, path.length() - "/evidence".length());
		flash.setTargetRequestPath(request.getContextPath() + back);
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", request.getContextPath() + back);
	}

	/** Reads and drops what the client sent, up to a bound, so that it reads the answer instead of a reset. */
	private static void drain(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			byte[] buffer = new byte[64 * 1024];
			long read = 0;
			for (int n; read < DRAINED && (n = in.read(buffer)) >= 0;) {
				read += n;
			}
		}
		catch (IOException ex) {
			// The client went away: nothing to answer.
		}
	}
}
