package io.rumbo.improvement.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
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
import io.rumbo.improvement.ImprovementPlanId;
import io.rumbo.improvement.ImprovementPlans;
import io.rumbo.improvement.ImprovementQueries;
import io.rumbo.improvement.ImprovementViews.Alert;
import io.rumbo.improvement.ImprovementViews.PlanRow;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.PlanOutcome;
import io.rumbo.improvement.PlanStatus;
import io.rumbo.improvement.PlansFromEvaluation;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/improvement-plans")
@Tag(name = "Improvement plans", description = "Plans with goals, deadlines, support, check-ins and an outcome")
class ImprovementRestController {

	record PlanRequest(@Nullable Long version, @Nullable Long staffId, @Nullable String title, @Nullable String reason,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Integer checkInEveryDays,
			@Nullable List<ImprovementPlans.GoalDetails> goals, @Nullable List<ImprovementPlans.SupportDetails> supports) {

		ImprovementPlans.PlanDetails details() {
			return new ImprovementPlans.PlanDetails(staffId, title, reason, startsOn, endsOn, checkInEveryDays,
					goals == null ? List.of() : goals, supports == null ? List.of() : supports);
		}
	}

	record VersionRequest(@NotNull Long version) {
	}

	/** {@code progress}: the % done of goals checked by hand, by goal id. */
	record CheckInRequest(@NotNull Long version, @Nullable LocalDate heldOn, @Nullable String notes,
			@Nullable Map<Long, BigDecimal> progress) {
	}

	record CancelRequest(@NotNull Long version, @Nullable String reason) {
	}

	/** {@code endsOn}: the new deadline of an extension. */
	record OutcomeRequest(@NotNull Long version, @Nullable PlanOutcome outcome, @Nullable String reason,
			@Nullable LocalDate endsOn) {
	}

	private final ImprovementQueries queries;
	private final ImprovementPlans plans;
	private final PlansFromEvaluation fromEvaluation;

	ImprovementRestController(ImprovementQueries queries, ImprovementPlans plans, PlansFromEvaluation fromEvaluation) {
		this.queries = queries;
		this.plans = plans;
		this.fromEvaluation = fromEvaluation;
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable PlanStatus status,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return ImprovementExports.plans(ExportFormat.fromAccept(accept), queries, actor,
				new ImprovementQueries.Filter(q, status, staffId), ListQuery.of(0, 1, sort, ImprovementQueries.SORTS,
						"startsOn,desc").unpaged());
	}

	@GetMapping(produces = "application/json")
	@Operation(summary = "List improvement plans", description = "Filters: q (title, reason), status, staffId. Sort "
			+ "keys: startsOn, endsOn, title, status. A salesperson sees their own plans, a manager those of their "
			+ "subtree. Send Accept: text/csv or the XLSX type for an export.")
	PageResponse<PlanRow> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PlanStatus status,
			@RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return queries.list(actor, new ImprovementQueries.Filter(q, status, staffId),
				ListQuery.of(page, size, sort, ImprovementQueries.SORTS, "startsOn,desc"));
	}

	@GetMapping("/alerts")
	@Operation(summary = "Goals behind their pace and check-ins overdue on the active plans the caller sees")
	PageResponse<Alert> alerts(CurrentUser actor) {
		List<Alert> alerts = queries.alerts(actor);
		return PageResponse.of(alerts, ListQuery.of(0, ListQuery.MAX_SIZE, null, ImprovementQueries.SORTS, "startsOn"),
				alerts.size());
	}

	@GetMapping("/{id}")
	PlanView get(CurrentUser actor, @PathVariable long id) {
		return queries.get(actor, ImprovementPlanId.of(id));
	}

	@PostMapping
	@Operation(summary = "Open a plan (a draft) for a person of the caller's subtree; goals with a measure code are "
			+ "tracked from the metrics engine, goals without one are checked by hand")
	ResponseEntity<PlanView> open(CurrentUser actor, @RequestBody PlanRequest request) {
		PlanView created = plans.open(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/improvement-plans/" + created.id())).body(created);
	}

	@PostMapping("/from-scorecard/{scorecardId}")
	@Operation(summary = "Open a plan (a draft) from a closed scorecard", description = "For the manager above the "
			+ "person: the scorecard's points to improve become goals (one per line, checked by hand, due at the plan's "
			+ "end: twelve weeks from today), the plan records the scorecard (scorecardId); complete the goals with PUT. "
			+ "404 when the scorecard is out of scope, 409 before its cycle is closed.")
	ResponseEntity<PlanView> openFromScorecard(CurrentUser actor, @PathVariable long scorecardId) {
		PlanView created = fromEvaluation.open(actor, scorecardId,
				fromEvaluation.suggest(actor, scorecardId, LocaleContextHolder.getLocale()));
		return ResponseEntity.created(URI.create("/api/v1/improvement-plans/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rewrite a draft; carries the version read (409 when stale, or when the plan is no draft)")
	PlanView revise(CurrentUser actor, @PathVariable long id, @RequestBody PlanRequest request) {
		if (request.version() == null) {
			throw io.rumbo.shared.domain.ValidationFailedException.of("version", "shared.validation.required");
		}
		return plans.revise(actor, ImprovementPlanId.of(id), request.version(), request.details());
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "Start a draft plan (409 without goals)")
	PlanView activate(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return plans.activate(actor, ImprovementPlanId.of(id), request.version());
	}

	@PostMapping("/{id}/check-ins")
	@Operation(summary = "Record a check-in of an active plan, with the progress of the goals checked by hand")
	PlanView checkIn(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CheckInRequest request) {
		return plans.checkIn(actor, ImprovementPlanId.of(id), request.version(), new ImprovementPlans.CheckInDetails(
				request.heldOn(), request.notes(), request.progress() == null ? Map.of() : request.progress()));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a draft or active plan with the reason", description = "Enrolments its training "
			+ "actions made are withdrawn where not yet attended; 409 for a closed plan or a stale version.")
	PlanView cancel(CurrentUser actor, @PathVariable long id, @Valid @RequestBody CancelRequest request) {
		return plans.cancel(actor, ImprovementPlanId.of(id), request.version(), request.reason());
	}

	@PostMapping("/{id}/outcome")
	@Operation(summary = "End an active plan: MET or NOT_MET closes it, EXTENDED moves its end to endsOn; a reason is "
			+ "required")
	PlanView conclude(CurrentUser actor, @PathVariable long id, @Valid @RequestBody OutcomeRequest request) {
		return plans.conclude(actor, ImprovementPlanId.of(id), request.version(), request.outcome(), request.reason(),
				request.endsOn());
	}
}
