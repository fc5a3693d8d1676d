package io.rumbo.imports.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.ImportService;
import io.rumbo.imports.ImportUpload;
import io.rumbo.imports.ImportSummary;
import io.rumbo.shared.domain.ValidationFailedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Imports", description = "CSV and XLSX imports: validated whole, written all or nothing, idempotent by external id")
class ImportRestController {

	record KindView(String kind, List<ImportColumn> columns, String sample) {
	}

	private final ImportService imports;
	private final MessageSource messages;
	private final UploadLimits limits;

	ImportRestController(ImportService imports, MessageSource messages, UploadLimits limits) {
		this.imports = imports;
		this.messages = messages;
		this.limits = limits;
	}

	@GetMapping("/api/v1/imports")
	@Operation(summary = "The kinds of import, their columns and a sample file for each")
	List<KindView> kinds() {
		return imports.kinds()
			.stream()
			.map(i -> new KindView(i.kind(), i.columns(), "/imports/samples/" + i.kind() + ".csv"))
			.toList();
	}

	@PostMapping(value = "/api/v1/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a CSV or XLSX file (multipart field 'file')", description = "Answers {created, updated, "
			+ "unchanged, errors: [{row, column, message}]}. With any error the status is 422, the body a problem detail "
			+ "with the same fields, and nothing is written. dryRun=true checks without writing. Rows are numbered as a "
			+ "spreadsheet shows them: the header is row 1. A CSV is UTF-8 unless 'encoding' (or the part's charset) "
			+ "says otherwise; a file over the upload limit answers 413. 'reason' says why (kept in the audit trail; "
			+ "quotas need it when the file changes binding quotas, which makes a new version). 'note', when present, "
			+ "says what the import did as a whole.")
	ResponseEntity<Object> upload(CurrentUser actor, @PathVariable String kind, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable String reason, Locale locale, HttpServletRequest request)
			throws IOException {
		imports.check(actor, kind);
		if (file.isEmpty()) {
			throw ValidationFailedException.of("file", "imports.error.noFile");
		}
		String name = file.getOriginalFilename() == null ? kind + ".csv" : file.getOriginalFilename();
		Charset charset = ImportUpload.statedCharset(encoding, UploadLimits.charsetOf(file.getContentType()));
		try (ImportUpload upload = ImportUpload.spool(file.getInputStream(), name, charset, limits.maxBytes())) {
			return answer(imports.run(actor, kind, upload, locale, dryRun, reason, ImportRows.Progress.NONE), locale,
					request);
		}
	}

	/**
	 * The body is spooled to a temporary file as it arrives, never held in memory; a Content-Length over the limit
	 * is refused before any of it is stored, and a chunked body as soon as it passes the limit.
	 */
	@PostMapping(value = "/api/v1/imports/{kind}", consumes = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	@Operation(summary = "Import a file sent as the request body (Content-Type text/csv or the XLSX type)",
			description = "A CSV is UTF-8 unless the Content-Type's charset (text/csv; charset=windows-1252) or the "
					+ "'encoding' parameter says otherwise. A body over the upload limit answers 413.")
	ResponseEntity<Object> uploadBody(CurrentUser actor, @PathVariable String kind,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) @Nullable String fileName,
			@RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable String reason, Locale locale, HttpServletRequest request)
			throws IOException {
		imports.check(actor, kind);
		long max = limits.maxBytes();
		if (request.getContentLengthLong() > max) {
			throw new ImportUpload.TooLargeException(max);
		}
		// The header as sent: the request's character encoding is forced to UTF-8 by Spring's encoding filter.
		String contentType = request.getHeader("Content-Type") == null ? "" : request.getHeader("Content-Type");
		String name = fileName != null ? fileName : kind + (contentType.contains("spreadsheetml") ? ".xlsx" : ".csv");
		Charset charset = ImportUpload.statedCharset(encoding, UploadLimits.charsetOf(contentType));
		try (ImportUpload upload = ImportUpload.spool(request.getInputStream(), name, charset, max)) {
			return answer(imports.run(actor, kind, upload, locale, dryRun, reason, ImportRows.Progress.NONE), locale,
					request);
		}
	}

	private ResponseEntity<Object> answer(ImportSummary summary, Locale locale, HttpServletRequest request) {
		if (!summary.failed()) {
			return ResponseEntity.ok(summary);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("imports.problem.detail", new Object[] { summary.errors().size() }, locale));
		problem.setType(URI.create("https://rumbo.io/problems/import"));
		problem.setTitle(messages.getMessage("imports.problem.title", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("kind", summary.kind());
		problem.setProperty("written", false);
		problem.setProperty("rows", summary.rows());
		problem.setProperty("created", 0);
		problem.setProperty("updated", 0);
		problem.setProperty("unchanged", 0);
		problem.setProperty("errors", summary.errors());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
