/**
 * Performance evaluation (step 4, Evaluate): templates of weighted criteria that a population knows and acknowledges
 * before its period starts, scored by the rules of {@link io.rumbo.evaluation.domain.Scoring} from the metrics
 * engine and the published quotas; evaluation cycles whose live scorecards are frozen at the close, rated and
 * commented by the manager and acknowledged by the person; their calibration (distribution, rankings, adjustments,
 * results versus effort), history and nominations for recognition. It announces
 * {@link io.rumbo.evaluation.EvaluationClosed}, {@link io.rumbo.evaluation.ScorecardAcknowledged} and
 * {@link io.rumbo.evaluation.PersonNominated} for the modules after it (improvement plans, incentives).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"planning", "metrics", "quotas" })
@org.jspecify.annotations.NullMarked
package io.rumbo.evaluation;
