package io.rumbo.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;
import io.swagger.v3.oas.annotations.media.Schema;

/** A requisition as lists, pages and the API show it, with its copied requirements and how many candidates it has. */
@Schema(name = "PeopleRequisition")
public record RequisitionView(long id, long version, long positionId, long unitId, String unitName, JobRole jobRole,
		RequisitionReason reason, @Nullable Long replacesStaffId, BigDecimal budgetedCost, @Nullable String notes,
		RequisitionStatus status, String requestedBy, String requestedByName, LocalDate requestedOn,
		@Nullable LocalDate submittedOn, @Nullable String decidedBy, @Nullable LocalDate decidedOn,
		@Nullable String rejectionReason, @Nullable LocalDate closedOn, @Nullable Long hiredCandidateId,
		long candidates, List<RequirementView> requirements) {
}
