package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A candidate with their personal data: only PEOPLE and the managers of the requisition's unit (subtree) ever read
 * one. {@code averageScore} is the mean of every interviewer's scores, if any.
 */
@Schema(name = "PeopleCandidate")
public record CandidateView(long id, long version, long requisitionId, long unitId, String unitName, JobRole jobRole,
		String firstName, String lastName, @Nullable String email, @Nullable String phone, CandidateSource source,
		@Nullable String sourceDetail, String stage, String stageName, boolean terminal, LocalDate appliedOn,
		LocalDate stageOn, @Nullable String rejectionReason, @Nullable LocalDate hiredOn, @Nullable Long staffId,
		@Nullable BigDecimal averageScore, long interviews) {

	public String fullName() {
		return firstName + " " + lastName;
	}
}
