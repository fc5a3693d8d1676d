package io.rumbo.incentives.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.incentives.Statements;
import io.rumbo.incentives.PayoutViews.StatementView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.LocaleSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A statement as a PDF in the person's language: by {@code Accept: application/pdf} on the statement's own API
 * address (its JSON stays with the payout runs' controller), and as {@code .pdf} beside the statement page, which
 * links to it. Who may read the statement may read its PDF; anyone else gets 404, as for the statement.
 */
@Controller
@Tag(name = "Payout runs")
class StatementPdfController {

	static final String PDF = "application/pdf";

	private final Statements statements;
	private final StaffManagement staff;
	private final UserManagement users;
	private final MessageSource messages;
	private final Formats fmt;

	StatementPdfController(Statements statements, StaffManagement staff, UserManagement users, MessageSource messages,
			Formats fmt) {
		this.statements = statements;
		this.staff = staff;
		this.users = users;
		this.messages = messages;
		this.fmt = fmt;
	}

	@GetMapping(value = "/api/v1/statements/{runId}/{planCode}/{staffId}", produces = PDF)
	@ResponseBody
	@Operation(summary = "A statement as a PDF", description = "In the person's language (their account's "
			+ "preferred one, else the caller's): every line with the figures that explain it, and the summary. "
			+ "Send Accept: application/pdf.")
	ResponseEntity<byte[]> pdf(CurrentUser actor, @PathVariable long runId, @PathVariable String planCode,
			@PathVariable long staffId) {
		return document(actor, runId, planCode, staffId);
	}

	@GetMapping("/incentives/statements/{runId}/{planCode}/{staffId}.pdf")
	ResponseEntity<byte[]> pagePdf(CurrentUser user, @PathVariable long runId, @PathVariable String planCode,
			@PathVariable long staffId) {
		return document(user, runId, planCode, staffId);
	}

	private ResponseEntity<byte[]> document(CurrentUser actor, long runId, String planCode, long staffId) {
		StatementView statement = statements.get(actor, runId, planCode, staffId);
		Locale asked = LocaleContextHolder.getLocale();
		Locale locale = personLocale(actor, staffId, asked);
		byte[] pdf;
		try {
			LocaleContextHolder.setLocale(locale);
			pdf = new StatementPdf(messages, fmt, locale).render(statement);
		}
		finally {
			LocaleContextHolder.setLocale(asked);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("statement-" + statement.summary().periodCode() + "-" + planCode + "-" + staffId + ".pdf")
				.build()
				.toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	/** The language of the person's account when they chose one; else the reader's. */
	private Locale personLocale(CurrentUser actor, long staffId, Locale fallback) {
		Long account = staff.get(actor, staffId).userId();
		String chosen = account == null ? null
				: java.util.Optional.ofNullable(users.byIds(List.of(account)).get(account)).map(UserView::locale)
					.orElse(null);
		return LocaleSupport.supported(chosen == null ? fallback : Locale.forLanguageTag(chosen));
	}
}
