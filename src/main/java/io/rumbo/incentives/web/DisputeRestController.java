package io.rumbo.incentives.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.DisputeState;
import io.rumbo.incentives.DisputeViews.DisputeView;
import io.rumbo.incentives.Disputes;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Payout disputes", description = "A person questions a line of their statement; finance answers, "
		+ "adjusts (paid by the next payout run, never by changing a locked one) or rejects")
class DisputeRestController {

	/** A new dispute: the statement line questioned and why. */
	@Schema(name = "IncentivesDisputeRaise")
	record RaiseRequest(@NotNull Long statementLineId, @Nullable String comment) {
	}

	/** An answer: the version read and the explanation. */
	@Schema(name = "IncentivesDisputeAnswer")
	record AnswerRequest(@NotNull Long version, @Nullable String comment) {
	}

	/** A rejection: the version read and the reason. */
	@Schema(name = "IncentivesDisputeReject")
	record RejectRequest(@NotNull Long version, @Nullable String reason) {
	}

	/** An adjustment: the version read, the amount granted (negative: the line paid too much) and the reason. */
	@Schema(name = "IncentivesDisputeAdjust")
	record AdjustRequest(@NotNull Long version, @Nullable BigDecimal amount, @Nullable String reason) {
	}

	private final Disputes disputes;

	DisputeRestController(Disputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping("/api/v1/incentives/disputes")
	@Operation(summary = "List disputes", description = "Finance, directors and administrators see every one; "
			+ "managers their subtree's; salespeople their own. Filters: state, runId, staffId. Sort keys: raisedAt, "
			+ "state, period, staff, amount, resolvedAt.")
	PageResponse<DisputeView> list(CurrentUser actor, @RequestParam(required = false) @Nullable DisputeState state,
			@RequestParam(required = false) @Nullable Long runId,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable List<String> sort) {
		return disputes.list(actor, new Disputes.Filter(state, runId, staffId),
				ListQuery.of(page, size, sort, Disputes.SORTS, "raisedAt,desc"));
	}

	@GetMapping("/api/v1/incentives/disputes/{id}")
	@Operation(summary = "A dispute, with its outcome", description = "Out of the reader's scope: 404.")
	DisputeView get(CurrentUser actor, @PathVariable long id) {
		return disputes.get(actor, id);
	}

	@PostMapping("/api/v1/incentives/disputes")
	@Operation(summary = "Question a statement line (the person the statement is for)", description = "With a "
			+ "comment. A line the reader cannot see answers 404, someone else's line 403, a line with an open "
			+ "dispute 409. Announces DisputeRaised.")
	ResponseEntity<DisputeView> raise(CurrentUser actor, @Valid @RequestBody RaiseRequest request) {
		DisputeView dispute = disputes.raise(actor, request.statementLineId(), request.comment());
		return ResponseEntity.created(URI.create("/api/v1/incentives/disputes/" + dispute.id())).body(dispute);
	}

	@PostMapping("/api/v1/incentives/disputes/{id}/answer")
	@Operation(summary = "Answer an open dispute (finance)", description = "An explanation; nothing is paid. A "
			+ "stale version answers 409 with the current dispute, a closed dispute 409. Announces DisputeAnswered.")
	DisputeView answer(CurrentUser actor, @PathVariable long id, @Valid @RequestBody AnswerRequest request) {
		return disputes.answer(actor, id, request.version(), request.comment());
	}

	@PostMapping("/api/v1/incentives/disputes/{id}/adjust")
	@Operation(summary = "Adjust an open dispute (finance)", description = "An amount other than zero and a reason. "
			+ "The disputed run does not change: the next payout run of the person and plan pays the amount as an "
			+ "adjustment line citing the dispute, once. A stale version answers 409. Announces DisputeAnswered.")
	DisputeView adjust(CurrentUser actor, @PathVariable long id, @Valid @RequestBody AdjustRequest request) {
		return disputes.adjust(actor, id, request.version(), request.amount(), request.reason());
	}

	@PostMapping("/api/v1/incentives/disputes/{id}/reject")
	@Operation(summary = "Reject an open dispute (finance)", description = "With a reason. A stale version "
			+ "answers 409. Announces DisputeAnswered.")
	DisputeView reject(CurrentUser actor, @PathVariable long id, @Valid @RequestBody RejectRequest request) {
		return disputes.reject(actor, id, request.version(), request.reason());
	}
}
