package io.rumbo.people.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.organization.JobRole;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.Candidates;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.people.Requisitions;

/**
 * The query parameters of the requisition and candidate lists, bound once for the JSON list and for its CSV/XLSX export
 * (same filters, same names), so the two answers of a list never drift apart.
 */
final class RecruitmentListParams {

	private RecruitmentListParams() {
	}

	/** {@code q}, {@code status}, {@code unitId} (its subtree), {@code reason}, {@code jobRole}, {@code from}/{@code to}, {@code open}. */
	record RequisitionParams(@Nullable String q, @Nullable RequisitionStatus status, @Nullable Long unitId,
			@Nullable RequisitionReason reason, @Nullable JobRole jobRole,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean open) {

		Requisitions.Filter criteria() {
			return new Requisitions.Filter(q, status, unitId, reason, jobRole, from, to, Boolean.TRUE.equals(open));
		}
	}

	/** {@code q}, {@code stage}, {@code source}, {@code requisitionId}, {@code unitId} (its subtree). */
	record CandidateParams(@Nullable String q, @Nullable String stage, @Nullable CandidateSource source,
			@Nullable Long requisitionId, @Nullable Long unitId) {

		Candidates.Filter criteria() {
			return new Candidates.Filter(q, stage, source, requisitionId, unitId);
		}
	}
}
