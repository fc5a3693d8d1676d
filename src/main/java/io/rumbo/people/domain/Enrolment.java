package io.rumbo.people.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.people.EnrolmentStatus;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * An enrolment's state and the transitions it allows: attendance while enrolled; completion (with an assessment
 * score, measured against the programme's pass mark when it has one) while enrolled or attended; cancelling while
 * enrolled. Anything else is refused with 409. The service loads it from its row and writes back what it became.
 */
public final class Enrolment {

	private EnrolmentStatus status;
	private boolean attended;
	private @Nullable BigDecimal score;
	private @Nullable LocalDate completedOn;

	public Enrolment(EnrolmentStatus status, boolean attended, @Nullable BigDecimal score,
			@Nullable LocalDate completedOn) {
		this.status = status;
		this.attended = attended;
		this.score = score;
		this.completedOn = completedOn;
	}

	public void attend() {
		if (status != EnrolmentStatus.ENROLLED) {
			throw new ConflictException("people.enrolment.notEnrolled", status.name());
		}
		status = EnrolmentStatus.ATTENDED;
		attended = true;
	}

	/**
	 * Ends the training: COMPLETED when there is no pass mark or the score reaches it, FAILED otherwise. A score is
	 * required when the programme has a pass mark; completing implies attendance.
	 *
	 * @return whether it passed
	 */
	public boolean complete(@Nullable BigDecimal score, @Nullable BigDecimal passScore, LocalDate on,
			LocalDate sessionStart) {
		if (!status.open()) {
			throw new ConflictException("people.enrolment.notOpen", status.name());
		}
		if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw ValidationFailedException.of("score", "people.enrolment.scoreRange", 0, 100);
		}
		if (passScore != null && score == null) {
			throw ValidationFailedException.of("score", "shared.validation.required");
		}
		if (on.isBefore(sessionStart)) {
			throw ValidationFailedException.of("completedOn", "people.enrolment.completedBeforeStart");
		}
		boolean passed = passes(score, passScore);
		this.score = score;
		this.completedOn = on;
		this.attended = true;
		this.status = passed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.FAILED;
		return passed;
	}

	public void cancel() {
		if (status != EnrolmentStatus.ENROLLED) {
			throw new ConflictException("people.enrolment.notEnrolled", status.name());
		}
		status = EnrolmentStatus.CANCELLED;
	}

	/** Passed: no pass mark, or a score at or above it. */
	public static boolean passes(@Nullable BigDecimal score, @Nullable BigDecimal passScore) {
		return passScore == null || (score != null && score.compareTo(passScore) >= 0);
	}

	/** Whether one more seat can be taken: the seats taken (every enrolment not cancelled) under the capacity. */
	public static boolean seatFree(int taken, int capacity) {
		return taken < capacity;
	}

	public EnrolmentStatus status() {
		return status;
	}

	public boolean attended() {
		return attended;
	}

	public @Nullable BigDecimal score() {
		return score;
	}

	public @Nullable LocalDate completedOn() {
		return completedOn;
	}
}
