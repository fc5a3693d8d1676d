package io.rumbo.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.Measure;
import io.rumbo.planning.PlanPerformance;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanState;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanWorkflow;
import io.rumbo.planning.SpreadMethod;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Plans", description = "Fiscal calendar, versioned sales plans with targets, plan versus actual")
class PlanRestController {

	record CalendarRequest(@NotNull Integer startMonth, @NotNull Long version) {
	}

	record PlanRequest(@NotNull Integer fiscalYear, @NotBlank @Size(max = 200) String name,
			@Nullable BigDecimal growthPercent, @Nullable Map<Long, BigDecimal> lineGrowthPercent,
			@Nullable Map<Long, BigDecimal> unitGrowthPercent) {
	}

	record ReviseRequest(@NotNull Long fromVersionId, @Nullable @Size(max = 1000) String note) {
	}

	record StateRequest(@NotNull Long version) {
	}

	/** {@code version}: the draft's version the client read (optional); a stale one is refused with 409. */
	record TargetsRequest(@NotNull @Valid List<PlanViews.TargetCell> cells, @Nullable Long version) {
	}

	record TargetsView(long versionId, long version, PlanState state, List<PlanViews.TargetCell> cells,
			List<PlanViews.UnitGoal> newCustomers) {
	}

	record SpreadRequest(@NotNull Long unitId, @Nullable Long lineId, @Nullable String period,
			@NotNull Measure measure, @NotNull BigDecimal total, @Nullable SpreadMethod method,
			@Nullable Boolean keepShares, @Nullable Long version) {
	}

	private final FiscalCalendar calendar;
	private final PlanReading plans;
	private final PlanWorkflow workflow;
	private final PlanTargets targets;
	private final PlanPerformance performance;

	PlanRestController(FiscalCalendar calendar, PlanReading plans, PlanWorkflow workflow, PlanTargets targets,
			PlanPerformance performance) {
		this.calendar = calendar;
		this.plans = plans;
		this.workflow = workflow;
		this.targets = targets;
		this.performance = performance;
	}

	@GetMapping("/api/v1/fiscal-calendar")
	@Operation(summary = "The fiscal calendar: start month, the current fiscal year with its quarters and months")
	FiscalCalendar.CalendarView calendar() {
		return calendar.view();
	}

	@PutMapping("/api/v1/fiscal-calendar")
	@Operation(summary = "Change the fiscal year's start month (ADMIN, DIRECTOR; refused with 409 once a plan exists)")
	FiscalCalendar.CalendarView changeCalendar(CurrentUser actor, @Valid @RequestBody CalendarRequest request) {
		return calendar.change(actor, request.startMonth(), request.version());
	}

	@GetMapping("/api/v1/plans")
	@Operation(summary = "The plans, latest fiscal year first (sort: fiscalYear, name)")
	PageResponse<PlanViews.PlanView> plans(CurrentUser actor, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return plans.plans(actor, ListQuery.of(page, size, sort == null || sort.isEmpty() ? List.of("fiscalYear,desc")
				: sort, PlanReading.SORTS, "fiscalYear"));
	}

	@PostMapping("/api/v1/plans")
	@Operation(summary = "Create the plan of a fiscal year with a first draft proposed from last year's actuals",
			description = "Each cell is last year's actual for that unit, line and month times (1 + growth %): "
					+ "lineGrowthPercent by product line id, else unitGrowthPercent of the unit or the nearest unit above it, "
					+ "else growthPercent (0 when absent). ADMIN, DIRECTOR.")
	ResponseEntity<PlanViews.PlanView> create(CurrentUser actor, @Valid @RequestBody PlanRequest request) {
		PlanViews.PlanView created = workflow.create(actor, request.fiscalYear(), request.name(),
				request.growthPercent() == null ? BigDecimal.ZERO : request.growthPercent(),
				request.lineGrowthPercent() == null ? Map.of() : request.lineGrowthPercent(),
				request.unitGrowthPercent() == null ? Map.of() : request.unitGrowthPercent());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/plans/{id}")
	PlanViews.PlanView plan(CurrentUser actor, @PathVariable long id) {
		return plans.plan(actor, id);
	}

	@GetMapping("/api/v1/plans/{id}/versions")
	@Operation(summary = "The plan's versions, latest first")
	PageResponse<PlanViews.VersionView> versions(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return plans.versions(actor, id, ListQuery.of(page, size, null, Map.of("number", "number"), "number"));
	}

	@PostMapping("/api/v1/plans/{id}/versions")
	@Operation(summary = "Start a new draft version copied from another (409 while a draft or submitted version exists)")
	ResponseEntity<PlanViews.VersionView> revise(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody ReviseRequest request) {
		version(actor, id, request.fromVersionId());
		PlanViews.VersionView created = workflow.revise(actor, request.fromVersionId(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/versions/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/plans/{id}/versions/{versionId}")
	PlanViews.VersionView version(CurrentUser actor, @PathVariable long id, @PathVariable long versionId) {
		PlanViews.VersionView version = plans.version(actor, versionId);
		if (version.planId() != id) {
			throw new NotFoundException("planVersion", versionId);
		}
		return version;
	}

	@GetMapping("/api/v1/plans/{id}/versions/{versionId}/targets")
	@Operation(summary = "Every target cell of the version the reader may see (unit, product line, fiscal month)")
	TargetsView targets(CurrentUser actor, @PathVariable long id, @PathVariable long versionId) {
		PlanViews.VersionView version = version(actor, id, versionId);
		return new TargetsView(versionId, version.version(), version.state(), plans.targets(actor, versionId), plans.goals(actor, versionId));
	}

	@GetMapping("/api/v1/plans/{id}/targets")
	@Operation(summary = "The target cells of the version that counts (active, else approved, else the latest)")
	TargetsView currentTargets(CurrentUser actor, @PathVariable long id) {
		PlanViews.VersionView current = plans.plan(actor, id).current();
		if (current == null) {
			throw new ConflictException("planning.plan.noVersion");
		}
		return targets(actor, id, current.id());
	}

	@PutMapping("/api/v1/plans/{id}/versions/{versionId}/targets")
	@Operation(summary = "Write many cells of a draft at once (teams only; a manager within their subtree)")
	TargetsView writeTargets(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody TargetsRequest request) {
		version(actor, id, versionId);
		targets.writeTargets(actor, versionId, request.version(), request.cells());
		return targets(actor, id, versionId);
	}

	@PostMapping("/api/v1/plans/{id}/versions/{versionId}/spread")
	@Operation(summary = "Spread a total of a unit, line (or all lines) and period of the plan's year (FY2026, "
			+ "FY2026-Q1, FY2026-M03, a range of whole months, or the short Y, Q1-Q4, M1-M12) over the cells below: "
			+ "EVEN, LAST_YEAR or SEASONALITY, or keepShares to keep the cells' current proportions")
	PlanViews.SpreadResult spread(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody SpreadRequest request) {
		version(actor, id, versionId);
		return targets.spread(actor, versionId, request.version(), request.unitId(), request.lineId(), request.period() == null ? "Y"
				: request.period(), request.measure(), request.total(),
				request.method() == null ? SpreadMethod.EVEN : request.method(), Boolean.TRUE.equals(request.keepShares()));
	}

	@GetMapping("/api/v1/plans/{id}/versions/{versionId}/differences")
	@Operation(summary = "Per unit and line over the year: this version against the version it was based on")
	List<PlanViews.DiffRow> differences(CurrentUser actor, @PathVariable long id, @PathVariable long versionId) {
		version(actor, id, versionId);
		return plans.differences(actor, versionId);
	}

	@PostMapping("/api/v1/plans/{id}/versions/{versionId}/submit")
	PlanViews.VersionView submit(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody StateRequest request) {
		version(actor, id, versionId);
		return workflow.submit(actor, versionId, request.version());
	}

	@PostMapping("/api/v1/plans/{id}/versions/{versionId}/approve")
	@Operation(summary = "Approve a submitted version (DIRECTOR only); it becomes read-only")
	PlanViews.VersionView approve(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody StateRequest request) {
		version(actor, id, versionId);
		return workflow.approve(actor, versionId, request.version());
	}

	@PostMapping("/api/v1/plans/{id}/versions/{versionId}/return")
	@Operation(summary = "Send a submitted version back to draft (DIRECTOR only)")
	PlanViews.VersionView returnToDraft(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody StateRequest request) {
		version(actor, id, versionId);
		return workflow.returnToDraft(actor, versionId, request.version());
	}

	@PostMapping("/api/v1/plans/{id}/versions/{versionId}/activate")
	@Operation(summary = "Make an approved version the active one; the previously active version is closed (DIRECTOR)")
	PlanViews.VersionView activate(CurrentUser actor, @PathVariable long id, @PathVariable long versionId,
			@Valid @RequestBody StateRequest request) {
		version(actor, id, versionId);
		return workflow.activate(actor, versionId, request.version());
	}

	@PostMapping("/api/v1/plans/{id}/submit")
	@Operation(summary = "Submit the plan's open draft")
	PlanViews.VersionView submitDraft(CurrentUser actor, @PathVariable long id) {
		PlanViews.VersionView draft = inState(actor, id, PlanState.DRAFT);
		return workflow.submit(actor, draft.id(), draft.version());
	}

	@PostMapping("/api/v1/plans/{id}/approve")
	@Operation(summary = "Approve the plan's submitted version (DIRECTOR only)")
	PlanViews.VersionView approveSubmitted(CurrentUser actor, @PathVariable long id) {
		PlanViews.VersionView submitted = inState(actor, id, PlanState.SUBMITTED);
		return workflow.approve(actor, submitted.id(), submitted.version());
	}

	private PlanViews.VersionView inState(CurrentUser actor, long id, PlanState state) {
		return plans.plan(actor, id).versions().stream().filter(v -> v.state() == state).findFirst()
			.orElseThrow(() -> new ConflictException("planning.version.noneInState", state.name()));
	}

	@GetMapping("/api/v1/plans/{id}/performance")
	@Operation(summary = "Plan versus actual: target, actual to date, expected to date, gap, pipeline and forecast",
			description = "by=unit|line|month; period: a period of the plan's fiscal year, FY2026 (the default), "
					+ "FY2026-Q1, FY2026-M03 or whole months 2026-01-01..2026-05-31; the short Y, Q1-Q4 and M1-M12 too.")
	PlanViews.Performance performance(CurrentUser actor, @PathVariable long id,
			@RequestParam(defaultValue = "unit") String by, @RequestParam(required = false) @Nullable String period) {
		return performance.performance(actor, id, by, period);
	}
}
