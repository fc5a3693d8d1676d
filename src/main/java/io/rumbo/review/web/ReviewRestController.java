package io.rumbo.review.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.review.PlanReviews;
import io.rumbo.review.ReviewState;
import io.rumbo.review.ReviewViews.Coverage;
import io.rumbo.review.ReviewViews.Explanation;
import io.rumbo.review.ReviewViews.Figures;
import io.rumbo.review.ReviewViews.ObjectiveRow;
import io.rumbo.review.ReviewViews.ReviewRow;
import io.rumbo.review.ReviewViews.ReviewView;
import io.rumbo.review.ReviewViews.StrategyFigures;
import io.rumbo.review.ReviewViews.VarianceTable;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Formats;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/plan-reviews")
@Tag(name = "Plan reviews", description = "Target against actual, variance, strategies and coverage of a plan period")
class ReviewRestController {

	static final String PDF = "application/pdf";

	record CreateRequest(@Nullable Long planId, @Nullable String period, @Nullable Long unitId, @Nullable String title) {
	}

	record WriteRequest(@NotNull Long version, @Nullable String title, @Nullable String summary,
			@Nullable List<Explanation> explanations, @Nullable List<PlanReviews.VerdictDetails> verdicts) {
	}

	record VersionRequest(@NotNull Long version) {
	}

	/** A review's strategies, with the win rate of the opportunities tagged with none over the same period. */
	@Schema(name = "ReviewStrategies")
	record Strategies(List<StrategyFigures> strategies, long untaggedWon, long untaggedLost,
			java.math.@Nullable BigDecimal untaggedWinRate) {
	}

	@Schema(name = "ReviewCoverageAndObjectives")
	record CoverageAnswer(List<Coverage> coverage, List<ObjectiveRow> objectives) {
	}

	private final PlanReviews reviews;
	private final MessageSource messages;
	private final Formats fmt;

	ReviewRestController(PlanReviews reviews, MessageSource messages, Formats fmt) {
		this.reviews = reviews;
		this.messages = messages;
		this.fmt = fmt;
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ReviewState state,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return ReviewExports.reviews(ExportFormat.fromAccept(accept), reviews, actor,
				new PlanReviews.Filter(q, state, fiscalYear, unitId),
				ListQuery.of(0, 1, sort, PlanReviews.SORTS, PlanReviews.DEFAULT_SORT).unpaged());
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List plan reviews", description = "Filters: q (title, summary), state, fiscalYear, unitId. "
			+ "Sort keys: createdOn, title, fiscalYear, state, sharedOn. Directors and administrators see every review; "
			+ "others the shared reviews of their unit and the units above it (and those they manage), and a manager the "
			+ "drafts of the units they manage. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<ReviewRow> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ReviewState state,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return reviews.list(actor, new PlanReviews.Filter(q, state, fiscalYear, unitId),
				ListQuery.of(page, size, sort, PlanReviews.SORTS, PlanReviews.DEFAULT_SORT));
	}

	@GetMapping(value = "/{id}", produces = "application/json")
	@Operation(summary = "A review with every figure (live for a draft, frozen for a shared review), the explanations "
			+ "per unit and the verdicts per strategy; 404 out of sight")
	ReviewView get(CurrentUser actor, @PathVariable long id) {
		return reviews.get(actor, id);
	}

	@GetMapping(value = "/{id}", produces = PDF)
	@Operation(summary = "A review as a PDF, in the caller's language. Send Accept: application/pdf.")
	ResponseEntity<byte[]> pdf(CurrentUser actor, @PathVariable long id) {
		return pdfOf(reviews.get(actor, id), messages, fmt, LocaleContextHolder.getLocale());
	}

	static ResponseEntity<byte[]> pdfOf(ReviewView review, MessageSource messages, Formats fmt, Locale locale) {
		byte[] pdf = new ReviewPdf(messages, fmt, locale).render(review);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("plan-review-" + review.id() + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@GetMapping(value = "/{id}/variance", produces = "application/json")
	@Operation(summary = "The gap split into volume, mix and price effects by product line and by unit, and the margin "
			+ "gap into revenue and cost effects", description = "basis: PLAN (default) or LAST_YEAR. See "
					+ "docs/variance.md. Send Accept: text/csv or the XLSX type (with by=line or by=unit) for an export.")
	VarianceTable variance(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false, defaultValue = "PLAN") String basis) {
		return ReviewExports.table(reviews.figures(actor, id), basis);
	}

	@GetMapping(value = "/{id}/variance", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> varianceExport(CurrentUser actor,
			@RequestHeader(HttpHeaders.ACCEPT) String accept, @PathVariable long id,
			@RequestParam(required = false, defaultValue = "PLAN") String basis,
			@RequestParam(required = false, defaultValue = "line") String by) {
		return ReviewExports.variance(ExportFormat.fromAccept(accept), id,
				ReviewExports.table(reviews.figures(actor, id), basis), by);
	}

	@GetMapping("/{id}/strategies")
	@Operation(summary = "Each strategy's expected against real contribution in the review's period, with the win rate "
			+ "of tagged against untagged opportunities, initiatives and target-market reach")
	Strategies strategies(CurrentUser actor, @PathVariable long id) {
		Figures f = reviews.figures(actor, id);
		return new Strategies(f.strategies(), f.untaggedWon(), f.untaggedLost(), f.untaggedWinRate());
	}

	@GetMapping("/{id}/coverage")
	@Operation(summary = "Target-market coverage month by month (targets, visited and bought by each month's end) and "
			+ "the year's objectives against the metrics engine (company reviews)")
	CoverageAnswer coverage(CurrentUser actor, @PathVariable long id) {
		Figures f = reviews.figures(actor, id);
		return new CoverageAnswer(f.coverage(), f.objectives());
	}

	@PostMapping
	@Operation(summary = "Start a review (a draft) of a plan's year (period Y) or quarter (Q1-Q4) for a unit (the "
			+ "company when unitId is absent); the plan needs an approved or active version (409)")
	ResponseEntity<ReviewView> create(CurrentUser actor, @RequestBody CreateRequest request) {
		ReviewView created = reviews.create(actor, new PlanReviews.NewReview(request.planId(), request.period(),
				request.unitId(), request.title()));
		return ResponseEntity.created(URI.create("/api/v1/plan-reviews/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Write a draft: title, summary, explanations per unit, verdicts per strategy (a blank one "
			+ "removes it); carries the version read (409 when stale or shared)")
	ReviewView write(CurrentUser actor, @PathVariable long id, @RequestBody WriteRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return reviews.write(actor, id, request.version(), new PlanReviews.ReviewText(request.title(),
				request.summary(), request.explanations(), request.verdicts()));
	}

	@PostMapping("/{id}/share")
	@Operation(summary = "Share a draft: its figures are frozen and it becomes read-only for good")
	ReviewView share(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return reviews.share(actor, id, request.version());
	}
}
