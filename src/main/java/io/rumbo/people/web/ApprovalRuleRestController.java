package io.rumbo.people.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.ApprovalRules;
import io.rumbo.people.RequisitionApprover;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/people/approval-rules")
@Tag(name = "Requisition approval rules", description = "Who approves the requisitions of a unit (decision 0040)")
class ApprovalRuleRestController {

	@Schema(name = "PeopleApprovalRuleRequest")
	record RuleRequest(@Nullable Long version, @Nullable RequisitionApprover approver,
			@Nullable BigDecimal directorAbove) {
	}

	private final ApprovalRules rules;

	ApprovalRuleRestController(ApprovalRules rules) {
		this.rules = rules;
	}

	@GetMapping
	@Operation(summary = "The approval rules the reader may see, by unit", description = "PEOPLE, directors and "
			+ "administrators read every rule, managers those of the units they manage (403 for others). A unit "
			+ "without a rule follows its nearest ancestor's; with none, a director approves. Paged with page and "
			+ "size.")
	PageResponse<ApprovalRules.RuleView> list(CurrentUser actor, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return rules.list(actor, ListQuery.of(page, size, null, ApprovalRules.SORTS, "unit"));
	}

	@PutMapping("/{unitId}")
	@Operation(summary = "Set a unit's rule (directors and administrators)", description = "approver DIRECTOR, "
			+ "UPPER_MANAGER (the manager of the unit above the requisition's unit) or PEOPLE; directorAbove an "
			+ "optional budgeted cost above which a director approves. A change sends the version read (409 when "
			+ "stale).")
	ApprovalRules.RuleView set(CurrentUser actor, @PathVariable long unitId, @RequestBody RuleRequest request) {
		return rules.set(actor, unitId, request.version(),
				new ApprovalRules.RuleDetails(request.approver(), request.directorAbove()));
	}

	@DeleteMapping("/{unitId}")
	@Operation(summary = "Remove a unit's rule (its nearest ancestor's applies again)")
	@ApiResponse(responseCode = "204")
	ResponseEntity<Void> remove(CurrentUser actor, @PathVariable long unitId) {
		rules.remove(actor, unitId);
		return ResponseEntity.noContent().build();
	}
}
