package io.rumbo.territories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.rumbo.shared.domain.ValidationFailedException;

/** Postal-code ranges are two codes of one length, letters and digits in upper case (docs/territories.md). */
class PostalCodeRuleTests {

	@Test
	void aRangeKeepsItsBoundsUpperCaseAndOfOneLength() {
		assertThat(Territories.ruleValue(RuleField.POSTAL_CODE, " 28000 ", "28999")).containsExactly("28000",
				"28999");
		assertThat(Territories.ruleValue(RuleField.POSTAL_CODE, "ab1", "ab9")).containsExactly("AB1", "AB9");
		assertThat(Territories.ruleValue(RuleField.POSTAL_CODE, "150", null)).containsExactly("150", "150");
	}

	@Test
	void boundsOfDifferentLengthsSpacesOrAReversedRangeAreRefused() {
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.POSTAL_CODE, "100", "1999"))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("territories.rule.postalCode.length"));
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.POSTAL_CODE, "SW1A 1AA", null))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("territories.rule.postalCode.invalid"));
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.POSTAL_CODE, "199", "100"))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("territories.rule.range.invalid"));
	}
}
