package io.rumbo.evaluation.web;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.evaluation.CalibrationViews.Distribution;
import io.rumbo.evaluation.CalibrationViews.Quadrants;
import io.rumbo.evaluation.Calibrations;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation calibration", description = "The distribution of a cycle's scores by team, the ranking, "
		+ "results versus effort and calibration adjustments")
class CalibrationRestController {

	/** A calibration adjustment: the version read, the new score and the written reason. */
	record AdjustmentRequest(@NotNull Long version, @Nullable BigDecimal score,
			@Size(max = 2000) @Nullable String reason) {
	}

	private final Calibrations calibrations;

	CalibrationRestController(Calibrations calibrations) {
		this.calibrations = calibrations;
	}

	@GetMapping("/cycles/{id}/calibration")
	@Operation(summary = "A cycle's score distribution", description = "Directors and administrators see everyone, a "
			+ "manager their subtree (a salesperson: 403). Per team (org unit): count, mean, min, max and the count in "
			+ "each band (a fifth of the scale each, bandFloors their lower bounds), for everyone in sight, and the "
			+ "ranking; ruleScore is the score by the rules when it was adjusted. Empty while the cycle is open.")
	Distribution distribution(CurrentUser actor, @PathVariable long id) {
		return calibrations.distribution(actor, id);
	}

	@GetMapping("/cycles/{id}/quadrants")
	@Operation(summary = "Results versus effort", description = "Each person's results and effort (the share of the "
			+ "points their criteria could give), the quadrant's action (REWARD, COACH, IMPROVE, CONFRONT), high from "
			+ "threshold %. Same scope as the distribution; empty while the cycle is open.")
	Quadrants quadrants(CurrentUser actor, @PathVariable long id) {
		return calibrations.quadrants(actor, id);
	}

	@PostMapping("/scorecards/{id}/adjustment")
	@Operation(summary = "Adjust a score in calibration", description = "Only while the cycle is calibrated and before "
			+ "it closes (409 otherwise or when the version is stale), by a director or a manager above the person "
			+ "(403), with a reason; the score stays within the scale. Recorded in the audit trail.")
	ScorecardView adjust(CurrentUser actor, @PathVariable long id, @Valid @RequestBody AdjustmentRequest request) {
		return calibrations.adjust(actor, id, request.version(), request.score(), request.reason());
	}
}
