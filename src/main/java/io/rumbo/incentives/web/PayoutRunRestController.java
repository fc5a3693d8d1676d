package io.rumbo.incentives.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PayoutViews.StatementSummary;
import io.rumbo.incentives.PayoutViews.StatementView;
import io.rumbo.incentives.RunState;
import io.rumbo.incentives.Statements;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Payout runs", description = "What the approved incentive plans pay for a fiscal period: runs that "
		+ "finance calculates, approves (locked) and exports to payroll, and a statement per person explaining "
		+ "every amount")
class PayoutRunRestController {

	/** A new run: a period code (FY2026-M03, FY2026-Q1) and one approved plan, or every approved plan. */
	record RunRequest(@NotBlank String period, @Nullable Long planId) {
	}

	/** Recalculation or approval: the version read. */
	@Schema(name = "PayoutRunVersion")
	record VersionRequest(@NotNull Long version) {
	}

	static final List<String> PAYROLL_COLUMNS = List.of("employeeNumber", "name", "period", "plan", "component",
			"componentName", "gross");

	private final PayoutRuns runs;
	private final Statements statements;

	PayoutRunRestController(PayoutRuns runs, Statements statements) {
		this.runs = runs;
		this.statements = statements;
	}

	@GetMapping("/api/v1/payout-runs")
	@Operation(summary = "List payout runs", description = "Finance, directors and administrators. Filters: state, "
			+ "period (runs inside it). Sort keys: period, state, total, calculatedAt.")
	PageResponse<RunView> list(CurrentUser actor, @RequestParam(required = false) @Nullable RunState state,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return runs.list(actor, new PayoutRuns.RunFilter(state, period),
				ListQuery.of(page, size, sort, PayoutRuns.RUN_SORTS, "period,desc"));
	}

	@PostMapping("/api/v1/payout-runs")
	@Operation(summary = "Calculate a draft run (finance, administrators)", description = "For the period and one "
			+ "approved plan (planId) or every approved plan of the period's year; set-based through the plans' "
			+ "calculation. Corrections of earlier locked periods (late orders, returns) become adjustment and "
			+ "clawback lines; draws are settled against the balance owed after the last locked run. A plan already "
			+ "paid for an overlapping period answers 409.")
	ResponseEntity<RunView> create(CurrentUser actor, @Valid @RequestBody RunRequest request) {
		RunView run = runs.create(actor, request.period(), request.planId());
		return ResponseEntity.created(URI.create("/api/v1/payout-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/payout-runs/{id}")
	@Operation(summary = "A run, with who calculated, approved and exported it")
	RunView get(CurrentUser actor, @PathVariable long id) {
		return runs.get(actor, id);
	}

	@PostMapping("/api/v1/payout-runs/{id}/recalculate")
	@Operation(summary = "Calculate a draft again on the figures as they are now", description = "A stale version "
			+ "answers 409, a locked (approved) run 409.")
	RunView recalculate(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return runs.recalculate(actor, id, request.version());
	}

	@PostMapping("/api/v1/payout-runs/{id}/approve")
	@Operation(summary = "Approve a draft (finance only): it is locked", description = "Announces PayoutRunApproved; "
			+ "from then on its statements are visible to their people and it may be exported.")
	RunView approve(CurrentUser actor, @PathVariable long id, @Valid @RequestBody VersionRequest request) {
		return runs.approve(actor, id, request.version());
	}

	@GetMapping(value = "/api/v1/payout-runs/{id}", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	@Operation(summary = "Payroll file of an approved run (finance, administrators)", description = "The run with "
			+ "Accept: text/csv or the XLSX type. One row per person, plan and component (gross amount, corrections "
			+ "included), and component 0 rows for the plan cap and the draw, so that a person's rows add up to what "
			+ "is payable. Streamed; records who exported and when (audited). A draft answers 409.")
	ResponseEntity<StreamingResponseBody> payroll(CurrentUser actor, @PathVariable long id,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.ACCEPT) String accept) {
		RunView run = runs.exported(actor, id);
		return Exports.download(ExportFormat.fromAccept(accept), ExportStyle.API,
				"payroll-" + run.periodCode() + "-" + run.id(), PAYROLL_COLUMNS,
				table -> runs.payroll(actor, id, r -> table.row(r.employeeNumber(), r.staffName(), r.period(),
						r.planCode(), r.component(), r.componentName(), r.amount())));
	}

	@GetMapping("/api/v1/statements")
	@Operation(summary = "List statements", description = "Finance, directors and administrators see every one; "
			+ "managers their subtree's and salespeople their own, of approved runs only. Filters: runId, staffId, "
			+ "period, plan. Sort keys: period, plan, staff, payable, earned.")
	PageResponse<StatementSummary> statements(CurrentUser actor,
			@RequestParam(required = false) @Nullable Long runId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return statements.list(actor, new Statements.Filter(runId, staffId, period, plan),
				ListQuery.of(page, size, sort, Statements.SORTS, "period,desc"));
	}

	@GetMapping("/api/v1/statements/{runId}/{planCode}/{staffId}")
	@Operation(summary = "A statement with every line explained", description = "Per line: component, measure value, "
			+ "quota, attainment, tier and rate, table amount, accelerator, bonuses, proration, what the cap took, "
			+ "and for corrections the period corrected, what was paid and the difference; records links to the "
			+ "metrics API listing the orders behind the value. Out of the reader's scope: 404.")
	StatementView statement(CurrentUser actor, @PathVariable long runId, @PathVariable String planCode,
			@PathVariable long staffId) {
		return statements.get(actor, runId, planCode, staffId);
	}
}
