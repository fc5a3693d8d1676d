package io.rumbo.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;

/**
 * A person was granted a qualification (or a higher level of it) by completing a training programme, on
 * {@code obtainedOn}, valid until {@code expiresOn} (absent: no expiry). Published in the completing transaction.
 */
public record QualificationGranted(StaffId staff, QualificationId qualification, int level, LocalDate obtainedOn,
		@Nullable LocalDate expiresOn, EnrolmentId enrolment) {
}
