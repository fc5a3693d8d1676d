package io.rumbo.incentives.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.PayoutLineKind;
import io.rumbo.incentives.RunState;
import io.rumbo.incentives.domain.PayoutRules.Correction;
import io.rumbo.incentives.domain.PayoutRules.Settlement;
import io.rumbo.shared.domain.ConflictException;

/** The rules of a payout run: corrections of locked periods, draws carried from run to run, the run's lock. */
class PayoutRulesTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void workedExampleHalfClawbackOfTenThousandPaidIsMinusFiveThousand() {
		Correction c = PayoutRules.correction(ClawbackPolicy.PRORATED, d("50"), d("10000"), BigDecimal.ZERO)
			.orElseThrow();
		assertThat(c.kind()).isEqualTo(PayoutLineKind.CLAWBACK);
		assertThat(c.amount()).isEqualByComparingTo("-5000");
		assertThat(c.difference()).as("what the next correction compares against").isEqualByComparingTo("-10000");
		assertThat(c.paidBefore()).isEqualByComparingTo("10000");
	}

	@Test
	void aFullClawbackTakesTheWholeDifferenceAndAPartialReturnOnlyItsPart() {
		assertThat(PayoutRules.correction(ClawbackPolicy.FULL, d("100"), d("10000"), d("7500")).orElseThrow()
			.amount()).isEqualByComparingTo("-2500");
		assertThat(PayoutRules.correction(ClawbackPolicy.PRORATED, d("50"), d("10000"), d("7500")).orElseThrow()
			.amount()).isEqualByComparingTo("-1250");
	}

	@Test
	void lateOrdersAreAnAdjustmentOfTheWholeDifferenceAndNoChangeIsNoLine() {
		Correction c = PayoutRules.correction(ClawbackPolicy.PRORATED, d("50"), d("1000"), d("1250.004"))
			.orElseThrow();
		assertThat(c.kind()).isEqualTo(PayoutLineKind.ADJUSTMENT);
		assertThat(c.amount()).isEqualByComparingTo("250.00");
		assertThat(PayoutRules.correction(ClawbackPolicy.FULL, d("100"), d("1000.00"), d("999.996"))).isEmpty();
	}

	@Test
	void workedExampleRecoverableDrawCarriedFromRunToRun() {
		BigDecimal draw = d("2000");
		Settlement first = PayoutRules.settle(DrawKind.RECOVERABLE, draw, 1, d("1500"), BigDecimal.ZERO);
		Settlement second = PayoutRules.settle(DrawKind.RECOVERABLE, draw, 1, d("2375"), first.owedAfter());
		Settlement third = PayoutRules.settle(DrawKind.RECOVERABLE, draw, 1, d("3000"), second.owedAfter());
		assertThat(first.payable()).isEqualByComparingTo("2000");
		assertThat(second.payable()).isEqualByComparingTo("2000");
		assertThat(third.payable()).isEqualByComparingTo("2875");
		assertThat(first.owedAfter()).isEqualByComparingTo("500");
		assertThat(second.owedAfter()).isEqualByComparingTo("125");
		assertThat(third.owedAfter()).isEqualByComparingTo("0");
		assertThat(first.draw()).as("an advance").isEqualByComparingTo("500");
		assertThat(third.draw()).as("a recovery").isEqualByComparingTo("-125");
	}

	@Test
	void aQuarterlyRunDrawsThreeMonthsAndANonRecoverableDrawOwesNothing() {
		Settlement quarter = PayoutRules.settle(DrawKind.RECOVERABLE, d("2000"), 3, d("5000"), BigDecimal.ZERO);
		assertThat(quarter.payable()).isEqualByComparingTo("6000");
		assertThat(quarter.owedAfter()).isEqualByComparingTo("1000");
		Settlement guaranteed = PayoutRules.settle(DrawKind.NON_RECOVERABLE, d("2000"), 1, d("1500"),
				BigDecimal.ZERO);
		assertThat(guaranteed.payable()).isEqualByComparingTo("2000");
		assertThat(guaranteed.owedAfter()).isEqualByComparingTo("0");
	}

	@Test
	void aClawbackBeyondTheEarningsIsOwedNotPaidNegative() {
		Settlement s = PayoutRules.settle(DrawKind.NONE, BigDecimal.ZERO, 1, d("-3000"), BigDecimal.ZERO);
		assertThat(s.payable()).isEqualByComparingTo("0");
		assertThat(s.owedAfter()).isEqualByComparingTo("3000");
		Settlement next = PayoutRules.settle(DrawKind.NONE, BigDecimal.ZERO, 1, d("5000"), s.owedAfter());
		assertThat(next.payable()).isEqualByComparingTo("2000");
		assertThat(next.owedAfter()).isEqualByComparingTo("0");
	}

	@Test
	void aRunIsRecalculatedOnlyAsADraftAndExportedOnlyWhenApproved() {
		PayoutRun run = PayoutRun.draft("FY2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), null,
				"finance", Instant.EPOCH);
		run.recalculated("finance", Instant.EPOCH, 2, d("1234.567"));
		assertThat(run.total()).isEqualByComparingTo("1234.57");
		assertThatThrownBy(() -> run.exported("finance", Instant.EPOCH)).isInstanceOf(ConflictException.class);
		run.approve("finance", Instant.EPOCH);
		assertThat(run.state()).isEqualTo(RunState.APPROVED);
		assertThatThrownBy(() -> run.recalculated("finance", Instant.EPOCH, 2, BigDecimal.ONE))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> run.approve("finance", Instant.EPOCH)).isInstanceOf(ConflictException.class);
		run.exported("finance", Instant.EPOCH);
		assertThat(run.exportedBy()).isEqualTo("finance");
		assertThat(run.total()).as("a locked run never changes").isEqualByComparingTo("1234.57");
	}
}
