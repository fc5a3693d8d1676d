package io.rumbo.evaluation.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.evaluation.CalibrationViews.PersonHistory;
import io.rumbo.evaluation.CalibrationViews.TeamHistory;
import io.rumbo.evaluation.EvaluationHistory;
import io.rumbo.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The evaluation history of a person and of a team, as sub-resources of the staff member and the org unit. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Evaluation history", description = "Scorecards over time: a person's, and a team's (a unit's subtree)")
class EvaluationHistoryRestController {

	private final EvaluationHistory history;

	EvaluationHistoryRestController(EvaluationHistory history) {
		this.history = history;
	}

	@GetMapping("/staff/{staffId}/evaluation-history")
	@Operation(summary = "A person's evaluation history", description = "Their scored cycles (in review or later), "
			+ "oldest first, with the change from the previous one, and each criterion's points per cycle. A "
			+ "salesperson their own, a manager their subtree's, the company-wide roles everyone's; out of scope 404.")
	PersonHistory person(CurrentUser actor, @PathVariable long staffId) {
		return history.person(actor, staffId);
	}

	@GetMapping("/org-units/{unitId}/evaluation-history")
	@Operation(summary = "A team's evaluation history", description = "The scorecards of the unit and its subtree per "
			+ "scored cycle: count, mean, min, max, change of the mean. A manager for a unit they lead, the "
			+ "company-wide roles any; out of scope 404.")
	TeamHistory team(CurrentUser actor, @PathVariable long unitId) {
		return history.team(actor, unitId);
	}
}
