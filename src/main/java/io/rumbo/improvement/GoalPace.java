package io.rumbo.improvement;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A goal against its pace on a day (decision 0015). For a measured goal {@code actual} is the figure of the metrics
 * engine so far, {@code goal} what the whole goal asks (a count per week or month times the weeks or months measured,
 * or the level of a ratio) and {@code expected} where the figure should be by that day; for a goal checked by hand
 * the three are percentages. {@code progress} is the share of the goal reached (%), {@code expectedProgress} the share
 * the pace asks for by that day (%).
 */
@Schema(name = "ImprovementGoalPace")
public record GoalPace(@Nullable BigDecimal actual, @Nullable BigDecimal goal, @Nullable BigDecimal expected,
		@Nullable BigDecimal progress, BigDecimal expectedProgress, GoalStatus status) {

	public boolean behind() {
		return status == GoalStatus.BEHIND;
	}
}
