package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;

/**
 * A person's enrolment in a programme's session ended with an assessment: {@code passed} completes it (and may grant
 * a qualification, {@link QualificationGranted}), otherwise it failed. Published in the same transaction.
 */
public record TrainingCompleted(EnrolmentId enrolment, ProgrammeId programme, SessionId session, StaffId staff,
		boolean passed, @Nullable BigDecimal score, LocalDate completedOn) {
}
