package io.rumbo.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.GoalPace;
import io.rumbo.improvement.Grain;
import io.rumbo.improvement.ImprovementViews;

/**
 * The rule that matches success cases to an improvement plan (decision 0032): each goal's measure code (lower case,
 * {@code -} for {@code _}) and each word of four letters or more of a goal's name in lower case, as tags are stored.
 */
class SuggestionRulesTests {

	@Test
	void aPlansTagsAreItsMeasuresAndTheLongWordsOfItsGoals() {
		GoalPace pace = null;
		List<ImprovementViews.GoalView> goals = List.of(
				new ImprovementViews.GoalView(1, "Visitas a clientes", false, "visits", Comparison.AT_LEAST,
						BigDecimal.TEN, Grain.WEEK, LocalDate.of(2026, 6, 30), pace),
				new ImprovementViews.GoalView(2, "Margen > 22 % (negociación)", false, "margin_pct",
						Comparison.AT_LEAST, new BigDecimal("22"), Grain.WHOLE, LocalDate.of(2026, 6, 30), pace),
				new ImprovementViews.GoalView(3, "Curso", true, null, null, null, null, LocalDate.of(2026, 6, 30), pace));
		assertThat(LessonsPageController.planTags(goals)).containsExactlyInAnyOrder("visits", "visitas", "clientes",
				"margin-pct", "margen", "negociación", "curso");
	}
}
