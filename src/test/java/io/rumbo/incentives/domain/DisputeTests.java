package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.DisputeState;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/** A dispute's life: raised open with a comment; one final outcome, each with what it needs. */
class DisputeTests {

	static final Instant AT = Instant.parse("2026-04-02T10:00:00Z");

	static Dispute raised() {
		return Dispute.raise(new Dispute.Line(7, "FY2026-Q1", LocalDate.of(2026, 4, 1), 70, 3, "REPS-2026", 11, 5, 1,
				"Revenue", "REVENUE", null, "PERSON", "FY2026-M03", LocalDate.of(2026, 3, 1),
				LocalDate.of(2026, 3, 31), new BigDecimal("1234.5")), " Missing order ", "rep", AT);
	}

	@Test
	void aDisputeIsRaisedOpenWithItsCommentAndTheLineByValue() {
		Dispute dispute = raised();
		assertThat(dispute.state()).isEqualTo(DisputeState.OPEN);
		assertThat(dispute.comment()).isEqualTo("Missing order");
		assertThat(dispute.lineAmount()).isEqualByComparingTo("1234.50");
		assertThat(dispute.lineAmount().scale()).isEqualTo(2);
		assertThat(dispute.response()).isNull();
	}

	@Test
	void aCommentIsRequiredAndBounded() {
		Dispute.Line line = new Dispute.Line(7, "FY2026-Q1", LocalDate.of(2026, 4, 1), 70, 3, "P", 11, 5, 1, "R",
				"REVENUE", null, "PERSON", "FY2026-M03", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
				BigDecimal.ONE);
		assertThatThrownBy(() -> Dispute.raise(line, "  ", "rep", AT)).isInstanceOf(ValidationFailedException.class)
			.satisfies(ex -> assertThat(((ValidationFailedException) ex).errors().get(0).field()).isEqualTo("comment"));
		assertThatThrownBy(() -> Dispute.raise(line, "x".repeat(Dispute.TEXT_MAX + 1), "rep", AT))
			.isInstanceOf(ValidationFailedException.class);
		assertThat(Dispute.raise(line, "x".repeat(Dispute.TEXT_MAX), "rep", AT).comment()).hasSize(Dispute.TEXT_MAX);
	}

	@Test
	void answeredRejectedAndAdjustedEachCloseIt() {
		Dispute answered = raised();
		answered.answer("The rate is the plan's.", "finance", AT);
		assertThat(answered.state()).isEqualTo(DisputeState.ANSWERED);
		assertThat(answered.response()).isEqualTo("The rate is the plan's.");
		assertThat(answered.adjustment()).isNull();
		assertThat(answered.resolvedBy()).isEqualTo("finance");

		Dispute rejected = raised();
		rejected.reject("Order outside the period.", "finance", AT);
		assertThat(rejected.state()).isEqualTo(DisputeState.REJECTED);

		Dispute adjusted = raised();
		adjusted.adjust(new BigDecimal("-20.005"), "Overpaid.", "finance", AT);
		assertThat(adjusted.state()).isEqualTo(DisputeState.ADJUSTED);
		assertThat(adjusted.adjustment()).isEqualByComparingTo("-20.01");
		assertThat(adjusted.resolvedAt()).isEqualTo(AT);
	}

	@Test
	void eachOutcomeNeedsWhatExplainsIt() {
		Dispute dispute = raised();
		assertThatThrownBy(() -> dispute.answer(null, "finance", AT)).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> dispute.reject(" ", "finance", AT)).isInstanceOf(ValidationFailedException.class)
			.satisfies(ex -> assertThat(((ValidationFailedException) ex).errors().get(0).field()).isEqualTo("reason"));
		assertThatThrownBy(() -> dispute.adjust(null, "why", "finance", AT))
			.isInstanceOf(ValidationFailedException.class)
			.satisfies(ex -> assertThat(((ValidationFailedException) ex).errors().get(0).field()).isEqualTo("amount"));
		assertThatThrownBy(() -> dispute.adjust(new BigDecimal("0.004"), "why", "finance", AT))
			.as("zero after rounding is no adjustment").isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> dispute.adjust(BigDecimal.TEN, "", "finance", AT))
			.isInstanceOf(ValidationFailedException.class);
		assertThat(dispute.state()).as("a refused outcome leaves it open").isEqualTo(DisputeState.OPEN);
	}

	@Test
	void aClosedDisputeTakesNoOtherOutcome() {
		Dispute dispute = raised();
		dispute.answer("Explained.", "finance", AT);
		assertThatThrownBy(() -> dispute.adjust(BigDecimal.TEN, "after all", "finance", AT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> dispute.reject("no", "finance", AT)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> dispute.answer("again", "finance", AT)).isInstanceOf(ConflictException.class);
		assertThat(dispute.state()).isEqualTo(DisputeState.ANSWERED);
		assertThat(dispute.response()).isEqualTo("Explained.");
	}
}
