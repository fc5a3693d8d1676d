package io.rumbo.evaluation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.CycleState;
import io.rumbo.evaluation.EvaluationCycles;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.ScorecardSummary;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation cycles", description = "Cycles, live and frozen scorecards, the manager's review and the "
		+ "person's acknowledgement")
class CycleRestController {

	record CycleRequest(@NotNull Long templateId, @Size(max = 200) @Nullable String name, @NotNull Cadence cadence,
			@NotNull String period, @Nullable Long populationUnitId) {
	}

	/** A move of a cycle carries the version read; closing also the acknowledgement deadline. */
	record MoveRequest(@NotNull Long version, @Nullable LocalDate acknowledgeBy) {
	}

	record ReviewRequest(@NotNull Long version, @Nullable List<Scorecards.Rating> ratings,
			@Size(max = 4000) @Nullable String strengths, @Size(max = 4000) @Nullable String improvements,
			@Size(max = 4000) @Nullable String text, @Nullable Outcome outcome) {
	}

	record AcknowledgeRequest(@Size(max = 4000) @Nullable String answer) {
	}

	private final EvaluationCycles cycles;
	private final Scorecards scorecards;

	CycleRestController(EvaluationCycles cycles, Scorecards scorecards) {
		this.cycles = cycles;
		this.scorecards = scorecards;
	}

	@GetMapping("/cycles")
	@Operation(summary = "List cycles", description = "The cycles with a scorecard in the caller's scope (all of them "
			+ "for the company-wide roles). Filter: state. Sort keys: from, name, state.")
	PageResponse<CycleView> list(CurrentUser actor, @RequestParam(required = false) @Nullable CycleState state,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return cycles.list(actor, state, ListQuery.of(page, size, sort, EvaluationCycles.SORTS, "from,desc"));
	}

	@GetMapping("/cycles/{id}")
	CycleView get(CurrentUser actor, @PathVariable long id) {
		return cycles.get(actor, id);
	}

	@PostMapping("/cycles")
	@Operation(summary = "Open a cycle", description = "period: FY2026-M03, FY2026-Q1, FY2026 or a range of whole fiscal "
			+ "months (2026-01-01..2026-05-31); the template must be the version in force on its first day. Every member "
			+ "of the population gets a live scorecard.")
	ResponseEntity<CycleView> open(CurrentUser actor, @Valid @RequestBody CycleRequest request) {
		CycleView created = cycles.open(actor, new EvaluationCycles.CycleDetails(request.templateId(),
				request.name() == null ? "" : request.name(), request.cadence(), request.period(),
				request.populationUnitId()));
		return ResponseEntity.created(URI.create("/api/v1/evaluation/cycles/" + created.id())).body(created);
	}

	@PostMapping("/cycles/{id}/review")
	@Operation(summary = "Into review once the period is over: the measured figures are frozen")
	CycleView review(CurrentUser actor, @PathVariable long id, @Valid @RequestBody MoveRequest request) {
		return cycles.review(actor, id, request.version());
	}

	@PostMapping("/cycles/{id}/calibrate")
	@Operation(summary = "Calibrated, once every scorecard is reviewed")
	CycleView calibrate(CurrentUser actor, @PathVariable long id, @Valid @RequestBody MoveRequest request) {
		return cycles.calibrate(actor, id, request.version());
	}

	@PostMapping("/cycles/{id}/close")
	@Operation(summary = "Close: the results go to the people, who acknowledge them by acknowledgeBy (after today)")
	CycleView close(CurrentUser actor, @PathVariable long id, @Valid @RequestBody MoveRequest request) {
		return cycles.close(actor, id, request.version(), request.acknowledgeBy());
	}

	@GetMapping(value = "/scorecards", produces = "application/json")
	@Operation(summary = "List scorecards", description = "A salesperson their own, a manager their subtree's, the "
			+ "company-wide roles everyone's. Filters: cycleId, staffId (a person's history), state. Sort keys: cycle, "
			+ "score, state. score is absent while the cycle is open (the scorecard shows it live).")
	PageResponse<ScorecardSummary> scorecards(CurrentUser actor,
			@RequestParam(required = false) @Nullable Long cycleId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable ScorecardState state,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return scorecards.list(actor, new Scorecards.Filter(cycleId, staffId, state),
				ListQuery.of(page, size, sort, Scorecards.SORTS, "cycle,desc"));
	}

	@GetMapping(value = "/scorecards/{id}", produces = "application/json")
	@Operation(summary = "A scorecard", description = "Live while the cycle is open; frozen after, with currentActual "
			+ "where the metrics engine measures something else today. The person sees the feedback once the cycle is "
			+ "closed.")
	ScorecardView scorecard(CurrentUser actor, @PathVariable long id) {
		return scorecards.get(actor, id);
	}

	@PostMapping("/scorecards/{id}/review")
	@Operation(summary = "The manager's review: a rating for every qualitative criterion, feedback and an outcome")
	ScorecardView review(CurrentUser actor, @PathVariable long id, @Valid @RequestBody ReviewRequest request) {
		return scorecards.review(actor, id, request.version(), new Scorecards.Review(
				request.ratings() == null ? List.of() : request.ratings(), request.strengths(), request.improvements(),
				request.text(), request.outcome()));
	}

	@PostMapping("/scorecards/{id}/acknowledge")
	@Operation(summary = "The person acknowledges their closed scorecard by the deadline, with an answer if they wish")
	ScorecardView acknowledge(CurrentUser actor, @PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable AcknowledgeRequest request) {
		return scorecards.acknowledge(actor, id, request == null ? null : request.answer());
	}
}
