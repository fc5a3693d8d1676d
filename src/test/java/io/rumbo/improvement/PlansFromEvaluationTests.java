package io.rumbo.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlansFromEvaluationTests {

	@Test
	void eachLineOfThePointsToImproveIsAGoalWithoutItsBullet() {
		assertThat(PlansFromEvaluation.points("""
				- Más visitas a las cuentas A
				* Seguimiento de ofertas

				1. Margen por encima del 22 %
				2) Tres oportunidades cualificadas al mes
				• Formación en producto""")).containsExactly("Más visitas a las cuentas A", "Seguimiento de ofertas",
						"Margen por encima del 22 %", "Tres oportunidades cualificadas al mes", "Formación en producto");
	}

	@Test
	void aSingleSentenceIsOneGoalAndNothingIsNone() {
		assertThat(PlansFromEvaluation.points("Más visitas y seguimiento de las ofertas abiertas."))
			.containsExactly("Más visitas y seguimiento de las ofertas abiertas.");
		assertThat(PlansFromEvaluation.points(null)).isEmpty();
		assertThat(PlansFromEvaluation.points("  \n ")).isEmpty();
	}

	@Test
	void keepsAtMostTenGoalsOfTwoHundredCharacters() {
		String many = String.join("\n", java.util.Collections.nCopies(12, "x".repeat(250)));
		assertThat(PlansFromEvaluation.points(many)).hasSize(PlansFromEvaluation.MAX_GOALS)
			.allSatisfy(p -> assertThat(p).hasSize(200));
	}
}
