package io.rumbo.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rumbo.people.EnrolmentStatus;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/** The enrolment's transitions, the pass mark and the capacity rule, as worked examples. */
class EnrolmentTests {

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	@Test
	void aScoreAtThePassMarkCompletesAndUnderItFails() {
		Enrolment passed = new Enrolment(EnrolmentStatus.ENROLLED, false, null, null);
		assertThat(passed.complete(new BigDecimal("70"), new BigDecimal("70"), START.plusDays(1), START)).isTrue();
		assertThat(passed.status()).isEqualTo(EnrolmentStatus.COMPLETED);
		assertThat(passed.attended()).isTrue();
		assertThat(passed.completedOn()).isEqualTo(START.plusDays(1));

		Enrolment failed = new Enrolment(EnrolmentStatus.ATTENDED, true, null, null);
		assertThat(failed.complete(new BigDecimal("69.5"), new BigDecimal("70"), START, START)).isFalse();
		assertThat(failed.status()).isEqualTo(EnrolmentStatus.FAILED);

		Enrolment noMark = new Enrolment(EnrolmentStatus.ENROLLED, false, null, null);
		assertThat(noMark.complete(null, null, START, START)).isTrue();
	}

	@Test
	void aProgrammeWithAPassMarkNeedsAScoreWithinZeroToHundred() {
		Enrolment e = new Enrolment(EnrolmentStatus.ENROLLED, false, null, null);
		assertThatThrownBy(() -> e.complete(null, new BigDecimal("50"), START, START))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> e.complete(new BigDecimal("101"), null, START, START))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> e.complete(new BigDecimal("80"), null, START.minusDays(1), START))
			.isInstanceOf(ValidationFailedException.class);
		assertThat(e.status()).isEqualTo(EnrolmentStatus.ENROLLED);
	}

	@Test
	void closedEnrolmentsRefuseEveryTransition() {
		Enrolment done = new Enrolment(EnrolmentStatus.COMPLETED, true, new BigDecimal("90"), START);
		assertThatThrownBy(done::attend).isInstanceOf(ConflictException.class);
		assertThatThrownBy(done::cancel).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> done.complete(BigDecimal.TEN, null, START, START)).isInstanceOf(ConflictException.class);
		Enrolment attended = new Enrolment(EnrolmentStatus.ENROLLED, false, null, null);
		attended.attend();
		assertThat(attended.status()).isEqualTo(EnrolmentStatus.ATTENDED);
		assertThatThrownBy(attended::cancel).as("a seat used is not given back").isInstanceOf(ConflictException.class);
	}

	@Test
	void aSeatIsFreeWhileTheSeatsTakenAreUnderTheCapacity() {
		assertThat(Enrolment.seatFree(0, 1)).isTrue();
		assertThat(Enrolment.seatFree(9, 10)).isTrue();
		assertThat(Enrolment.seatFree(10, 10)).isFalse();
	}
}
