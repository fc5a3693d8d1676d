package io.rumbo.improvement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.improvement.Grain;
import io.rumbo.improvement.SupportKind;
import io.rumbo.improvement.ImprovementPlans.GoalDetails;
import io.rumbo.improvement.ImprovementPlans.PlanDetails;
import io.rumbo.improvement.ImprovementPlans.SupportDetails;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * What a plan's details must satisfy before the plan takes them: a title, dates in order, check-ins every 1 to 92
 * days, and goals that are whole: a name, a deadline within the plan, and for a measured goal a known measure with a
 * comparison, a target of 0 or more and a grain (a ratio, average or score is a level: its grain is the whole goal).
 * Every problem is reported at once, each under its field ({@code goals[1].target}).
 */
public final class PlanRules {

	public static final BigDecimal HUNDRED = new BigDecimal("100");

	public static final int MAX_EVERY_DAYS = 92;

	private PlanRules() {
	}

	/** The details once checked, ready for the plan. */
	public record Checked(String title, @Nullable String reason, LocalDate startsOn, LocalDate endsOn, int every,
			List<ImprovementGoal.GoalDraft> goals, List<Support> supports) {
	}

	public static Checked check(PlanDetails d) {
		List<FieldError> errors = new ArrayList<>();
		if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
			errors.add(new FieldError("title", "improvement.plan.title.required"));
		}
		if (d.reason() != null && d.reason().length() > 2000) {
			errors.add(new FieldError("reason", "improvement.plan.tooLong"));
		}
		required(errors, "startsOn", d.startsOn());
		required(errors, "endsOn", d.endsOn());
		if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
			errors.add(new FieldError("endsOn", "improvement.plan.endsBeforeStart"));
		}
		if (d.checkInEveryDays() == null || d.checkInEveryDays() < 1 || d.checkInEveryDays() > MAX_EVERY_DAYS) {
			errors.add(new FieldError("checkInEveryDays", "improvement.plan.every.range", MAX_EVERY_DAYS));
		}
		List<ImprovementGoal.GoalDraft> goals = new ArrayList<>();
		for (int i = 0; i < d.goals().size(); i++) {
			ImprovementGoal.GoalDraft goal = goal(errors, "goals[" + i + "].", d.goals().get(i), d);
			if (goal != null) {
				goals.add(goal);
			}
		}
		List<Support> supports = new ArrayList<>();
		for (int i = 0; i < d.supports().size(); i++) {
			SupportDetails s = d.supports().get(i);
			boolean described = s.description() != null && !s.description().isBlank();
			if (s.kind() == null || (!described && s.sessionId() == null)
					|| (described && s.description().length() > 500)) {
				errors.add(new FieldError("supports[" + i + "]", "improvement.support.required"));
			}
			else if (s.sessionId() != null && s.kind() != SupportKind.TRAINING) {
				errors.add(new FieldError("supports[" + i + "].sessionId", "improvement.support.sessionOnlyTraining"));
			}
			else {
				supports.add(new Support(s.kind(), described ? s.description().trim() : "", s.sessionId(), null));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return new Checked(d.title().trim(), blankToNull(d.reason()), d.startsOn(), d.endsOn(), d.checkInEveryDays(),
				goals, supports);
	}

	private static ImprovementGoal.@Nullable GoalDraft goal(List<FieldError> errors, String at, GoalDetails g,
			PlanDetails plan) {
		int before = errors.size();
		if (g.name() == null || g.name().isBlank() || g.name().length() > 200) {
			errors.add(new FieldError(at + "name", "improvement.goal.name.required"));
		}
		if (g.dueOn() == null || (plan.startsOn() != null && g.dueOn().isBefore(plan.startsOn()))
				|| (plan.endsOn() != null && g.dueOn().isAfter(plan.endsOn()))) {
			errors.add(new FieldError(at + "dueOn", "improvement.goal.dueOn.range"));
		}
		Metric metric = null;
		if (g.measure() != null && !g.measure().isBlank()) {
			metric = Metric.ofCode(g.measure()).orElse(null);
			if (metric == null) {
				errors.add(new FieldError(at + "measure", "improvement.goal.measure.unknown"));
			}
			else {
				required(errors, at + "comparison", g.comparison());
				if (g.target() == null || g.target().signum() < 0 || !Bounds.isQuantity(g.target().max(BigDecimal.ONE))) {
					errors.add(new FieldError(at + "target", "improvement.goal.target.range"));
				}
				if (g.grain() == null) {
					required(errors, at + "grain", g.grain());
				}
				else if (!GoalPacing.accumulates(metric) && g.grain() != Grain.WHOLE) {
					errors.add(new FieldError(at + "grain", "improvement.goal.grain.level"));
				}
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new ImprovementGoal.GoalDraft(g.name().trim(), metric, g.comparison(), g.target(), g.grain(),
				g.dueOn());
	}

	private static void required(List<FieldError> errors, String field, @Nullable Object value) {
		if (value == null) {
			errors.add(new FieldError(field, "shared.validation.required"));
		}
		else if (value instanceof LocalDate date) {
			FieldError outside = Bounds.date(field, date);
			if (outside != null) {
				errors.add(outside);
			}
		}
	}

	public static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
