package io.rumbo.improvement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.Grain;
import io.rumbo.improvement.PlanOutcome;
import io.rumbo.improvement.PlanStatus;
import io.rumbo.improvement.SupportKind;
import io.rumbo.metrics.Metric;
import io.rumbo.shared.domain.ConflictException;

/** The plan's states, draft to active to closed, and what each allows. */
class ImprovementPlanTests {

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	static final LocalDate END = LocalDate.of(2026, 5, 29);

	@Test
	void aDraftIsRewrittenAndStartsOnlyWithAGoal() {
		ImprovementPlan plan = draft(List.of());
		assertThatThrownBy(() -> plan.activate(START)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "improvement.plan.noGoals");
		plan.describe("Más visitas", null, START, END, 14, List.of(visits()), List.of());
		plan.activate(START);
		assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThatThrownBy(() -> plan.describe("Otro", null, START, END, 7, List.of(visits()), List.of()))
			.as("an active plan is extended, not rewritten")
			.isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "improvement.plan.notDraft");
		assertThatThrownBy(() -> plan.activate(START)).isInstanceOf(ConflictException.class);
	}

	@Test
	void checkInsFallDueEverySoManyDaysFromTheLatest() {
		ImprovementPlan plan = draft(List.of(visits()));
		assertThatThrownBy(() -> plan.checkIn(START, Map.of())).as("a draft takes no check-in")
			.isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "improvement.plan.notActive");
		plan.activate(START);
		assertThat(plan.nextCheckInOn()).isEqualTo(LocalDate.of(2026, 3, 16));
		plan.checkIn(LocalDate.of(2026, 3, 20), Map.of());
		assertThat(plan.nextCheckInOn()).isEqualTo(LocalDate.of(2026, 4, 3));
		plan.checkIn(LocalDate.of(2026, 3, 18), Map.of());
		assertThat(plan.nextCheckInOn()).as("an earlier check-in recorded late does not move it back")
			.isEqualTo(LocalDate.of(2026, 4, 3));
	}

	@Test
	void anExtensionMovesTheEndAndTheGoalsDueOnItAndKeepsThePlanRunning() {
		ImprovementPlan plan = draft(List.of(visits(), new ImprovementGoal.GoalDraft("Curso", null, null, null, null,
				END.minusWeeks(2))));
		plan.activate(START);
		assertThatThrownBy(() -> plan.conclude(PlanOutcome.EXTENDED, "Más tiempo", END, END))
			.as("the new deadline comes after the end")
			.isInstanceOf(ConflictException.class);
		LocalDate later = END.plusWeeks(4);
		plan.conclude(PlanOutcome.EXTENDED, "Buen avance, necesita un mes más", later, END);
		assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
		assertThat(plan.endsOn()).isEqualTo(later);
		assertThat(plan.goals()).extracting(ImprovementGoal::dueOn).containsExactly(later, END.minusWeeks(2));
		assertThat(plan.auditState()).containsEntry("extensions", 1).containsEntry("outcome", PlanOutcome.EXTENDED);
	}

	@Test
	void metOrNotMetClosesThePlanForGood() {
		ImprovementPlan plan = draft(List.of(visits()));
		plan.activate(START);
		plan.conclude(PlanOutcome.NOT_MET, "Sin mejora en las visitas", null, END);
		assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
		assertThat(plan.auditState()).containsEntry("outcomeReason", "Sin mejora en las visitas");
		assertThatThrownBy(() -> plan.conclude(PlanOutcome.MET, "Otra vez", null, END))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> plan.checkIn(END, Map.of())).isInstanceOf(ConflictException.class);
	}

	private static ImprovementPlan draft(List<ImprovementGoal.GoalDraft> goals) {
		ImprovementPlan plan = new ImprovementPlan(7, 3, "manager", START);
		plan.describe("Más visitas", "Pocas visitas", START, END, 14, goals,
				List.of(new Support(SupportKind.COACHING, "Cada dos semanas")));
		return plan;
	}

	private static ImprovementGoal.GoalDraft visits() {
		return new ImprovementGoal.GoalDraft("Visitas", Metric.VISITS, Comparison.AT_LEAST, new BigDecimal("12"),
				Grain.WEEK, END);
	}
}
