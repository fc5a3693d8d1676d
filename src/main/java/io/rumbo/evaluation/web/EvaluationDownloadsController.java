package io.rumbo.evaluation.web;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.evaluation.CycleResults;
import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.LocaleSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What leaves Rumbo from an evaluation: a cycle's results as CSV or XLSX (by {@code Accept} in the API, by
 * {@code ?format=} from the cycle's page) and a closed scorecard as a PDF in the person's language. Scope as the
 * scorecards': out of scope is "not found". The API and the page share this controller because they share the
 * documents; each mapping names its own address.
 */
@Controller
@Tag(name = "Evaluation cycles")
class EvaluationDownloadsController {

	static final String PDF = "application/pdf";

	/** One row per person and criterion (decision 0017): the columns stay the same whatever the template. */
	static final List<String> COLUMNS = List.of("scorecardId", "period", "staffId", "person", "unitName", "state",
			"score", "outcome", "position", "criterion", "kind", "focus", "weight", "measure", "actual", "target",
			"attainment", "credit", "rating", "levels", "points");

	private final CycleResults results;
	private final Scorecards scorecards;
	private final StaffManagement staff;
	private final UserManagement users;
	private final MessageSource messages;
	private final Formats fmt;

	EvaluationDownloadsController(CycleResults results, Scorecards scorecards, StaffManagement staff,
			UserManagement users, MessageSource messages, Formats fmt) {
		this.results = results;
		this.scorecards = scorecards;
		this.staff = staff;
		this.users = users;
		this.messages = messages;
		this.fmt = fmt;
	}

	@GetMapping(value = "/api/v1/evaluation/scorecards", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	@Operation(summary = "Export a cycle's results", description = "Send Accept: text/csv or the XLSX type with "
			+ "cycleId: one row per person in scope and criterion, with the scorecard's score, state and outcome "
			+ "(live figures while the cycle is open, the kept ones after). The feedback is not exported.")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam long cycleId) {
		return export(actor, cycleId, ExportFormat.fromAccept(accept));
	}

	@GetMapping(value = "/evaluation/cycles/{id}", params = "format")
	ResponseEntity<StreamingResponseBody> download(CurrentUser user, @PathVariable long id,
			@RequestParam String format) {
		return export(user, id, ExportFormat.param(format));
	}

	private ResponseEntity<StreamingResponseBody> export(CurrentUser actor, long cycleId, ExportFormat format) {
		// Checked before the response is committed, so that "not found" is a problem, not a broken download; the rows
		// are then written as they are read.
		results.check(actor, cycleId);
		return Exports.download(format, "evaluation-cycle-" + cycleId, COLUMNS, table -> results.each(actor, cycleId, r -> {
			Line l = r.line();
			table.row(r.scorecardId(), r.period(), r.staffId(), r.name(), r.unitName(),
					Exports.label("evaluation.scorecard.state.", r.state()), r.score(),
					Exports.label("evaluation.outcome.", r.outcome()), l.position(), l.name(),
					Exports.label("evaluation.kind.", l.kind()), Exports.label("evaluation.focus.", l.focus()),
					l.weight(), l.measure(), l.actual(), l.target(), l.attainment(), l.credit(), l.rating(), l.levels(),
					l.points());
		}));
	}

	// By Accept on the scorecard's own address (every /api/v1 GET also answers JSON, as OpenApiContractScenarioTests
	// asks); the page links to /evaluation/scorecards/{id}.pdf.
	@GetMapping(value = "/api/v1/evaluation/scorecards/{id}", produces = PDF)
	@ResponseBody
	@Operation(summary = "A closed scorecard as a PDF", description = "In the person's language (their account's "
			+ "preferred one, else the caller's): criteria, weights, figures, points, feedback and acknowledgement. "
			+ "Send Accept: application/pdf. 409 while the cycle is not closed.")
	ResponseEntity<byte[]> pdf(CurrentUser actor, @PathVariable long id) {
		return document(actor, id);
	}

	@GetMapping("/evaluation/scorecards/{id}.pdf")
	ResponseEntity<byte[]> pagePdf(CurrentUser user, @PathVariable long id) {
		return document(user, id);
	}

	private ResponseEntity<byte[]> document(CurrentUser actor, long id) {
		ScorecardView card = scorecards.get(actor, id);
		if (card.cycleState() != CycleState.CLOSED) {
			throw new ConflictException("evaluation.pdf.notClosed");
		}
		Locale asked = LocaleContextHolder.getLocale();
		Locale locale = personLocale(actor, card.staffId(), asked);
		byte[] pdf;
		try {
			LocaleContextHolder.setLocale(locale);
			pdf = new ScorecardPdf(messages, fmt, locale).render(card);
		}
		finally {
			LocaleContextHolder.setLocale(asked);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("scorecard-" + card.period() + "-" + card.staffId() + ".pdf").build().toString())
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
