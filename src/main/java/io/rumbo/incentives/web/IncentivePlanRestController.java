package io.rumbo.incentives.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
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

import io.swagger.v3.oas.annotations.media.Schema;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.IncentiveCalculation;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.AssignmentView;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanSummary;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.organization.JobRole;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/incentive-plans")
@Tag(name = "Incentive plans", description = "Versioned plans of rate-table components on the metrics engine's "
		+ "measures, approved by a director, their assignments and the preview of what each person earns")
class IncentivePlanRestController {

	/** A plan as written; {@code version} is required to change an existing one. */
	@Schema(name = "IncentivePlanRequest")
	record PlanRequest(@Nullable Long version, @Size(max = 200) @Nullable String name, int fiscalYear,
			@Nullable JobRole populationRole, @Nullable Long populationUnitId, @Nullable List<Long> namedPeople,
			@NotNull ProrationRule prorationRule, java.math.@Nullable BigDecimal planCap,
			@Nullable DrawKind drawKind, java.math.@Nullable BigDecimal drawAmount,
			@Nullable ClawbackPolicy clawbackPolicy, java.math.@Nullable BigDecimal clawbackPercent,
			@Nullable List<ComponentDetails> components) {

		PlanDetails details() {
			return new PlanDetails(name == null ? "" : name, fiscalYear, populationRole, populationUnitId,
					namedPeople == null ? List.of() : namedPeople, prorationRule, planCap,
					drawKind == null ? DrawKind.NONE : drawKind, drawAmount,
					clawbackPolicy == null ? ClawbackPolicy.FULL : clawbackPolicy, clawbackPercent,
					components == null ? List.of() : components);
		}
	}

	/** Approval: the version read. */
	@Schema(name = "IncentivePlanApproval")
	record ApproveRequest(@NotNull Long version) {
	}

	/** A person's own assignment: from, to (both included; absent: still on it), or excluded. */
	@Schema(name = "IncentiveAssignmentRequest")
	record AssignmentRequest(@NotNull Long staffId, @NotNull LocalDate from, @Nullable LocalDate to,
			boolean excluded, @Nullable Long version) {
	}

	private final IncentivePlans plans;
	private final IncentiveCalculation calculation;
	private final IncentiveExports exports;

	IncentivePlanRestController(IncentivePlans plans, IncentiveCalculation calculation, IncentiveExports exports) {
		this.plans = plans;
		this.calculation = calculation;
		this.exports = exports;
	}

	@GetMapping
	@Operation(summary = "List plans", description = "Directors, administrators and finance see every version; "
			+ "managers the approved and archived versions their people are on; salespeople the ones they are on. "
			+ "Filters: q (name or code), fiscalYear, state. Sort keys: name, code, fiscalYear, state, approvedAt.")
	PageResponse<PlanSummary> list(CurrentUser actor, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable PlanState state,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return plans.list(actor, new IncentivePlans.Filter(q, fiscalYear, state),
				ListQuery.of(page, size, sort, IncentivePlans.SORTS, "name"));
	}

	@GetMapping(produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
	@Operation(summary = "Export the plan list", description = "Send Accept: text/csv or the XLSX type; the same "
			+ "filters and sort as the list, every matching row.")
	ResponseEntity<StreamingResponseBody> export(CurrentUser actor, @RequestHeader(HttpHeaders.ACCEPT) String accept,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer fiscalYear,
			@RequestParam(required = false) @Nullable PlanState state,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return exports.plans(actor, new IncentivePlans.Filter(q, fiscalYear, state),
				ListQuery.of(0, 1, sort, IncentivePlans.SORTS, "name").unpaged(), ExportFormat.fromAccept(accept));
	}

	@GetMapping("/{id}")
	PlanView get(CurrentUser actor, @PathVariable long id) {
		return plans.get(actor, id);
	}

	@PostMapping
	@Operation(summary = "Write a new plan (a draft, version 1)", description = "Every error names the component "
			+ "and tier (components[i].tiers[j].field). Directors and administrators.")
	ResponseEntity<PlanView> create(CurrentUser actor, @Valid @RequestBody PlanRequest request) {
		PlanView created = plans.create(actor, request.details());
		return ResponseEntity.created(URI.create("/api/v1/incentive-plans/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rewrite a plan at its version", description = "A draft is rewritten; an approved plan "
			+ "gets a new draft version with the changes (answered, with its own id); a stale version answers 409.")
	PlanView update(CurrentUser actor, @PathVariable long id, @Valid @RequestBody PlanRequest request) {
		if (request.version() == null) {
			throw ValidationFailedException.of("version", "shared.validation.required");
		}
		return plans.update(actor, id, request.version(), request.details());
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a draft (directors only)", description = "It applies from now on: the version "
			+ "approved before is archived and the population's assignments are derived afresh. Announces "
			+ "IncentivePlanApproved.")
	PlanView approve(CurrentUser actor, @PathVariable long id, @Valid @RequestBody ApproveRequest request) {
		return plans.approve(actor, id, request.version());
	}

	@GetMapping("/{id}/assignments")
	@Operation(summary = "Who is on the plan and when (derived from the population, or set by hand)")
	List<AssignmentView> assignments(CurrentUser actor, @PathVariable long id) {
		return plans.assignments(actor, id);
	}

	@PostMapping("/{id}/assignments")
	@Operation(summary = "Set a person's own assignment (wins over the derived one; excluded takes them off)")
	AssignmentView assign(CurrentUser actor, @PathVariable long id, @Valid @RequestBody AssignmentRequest request) {
		return plans.assign(actor, id, request.staffId(), request.from(), request.to(), request.excluded(),
				request.version());
	}

	@GetMapping("/{id}/preview")
	@Operation(summary = "What each person on the plan earns in a period, per component", description = "period: "
			+ "FY2026, FY2026-Q1, FY2026-M03 (blank: the plan's year). Per person and component: measure value, "
			+ "quota, attainment, tier and rate, table amount, accelerator/decelerator, bonuses, proration, what the "
			+ "cap took and the amount; the plan's cap per person. Only the people the caller may see.")
	IncentiveCalculation.Preview preview(CurrentUser actor, @PathVariable long id,
			@RequestParam(required = false) @Nullable String period) {
		return calculation.preview(actor, id, period);
	}
}
