package io.rumbo.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A director approved a requisition: candidates for a {@code jobRole} in {@code unit} may now be hired.
 * {@code requestedBy} is the user name of whoever raised it ({@code requester} their staff record, if any);
 * {@code unitManager} the person who led the unit when it was approved, if anyone did.
 */
public record RequisitionApproved(RequisitionId requisition, UnitId unit, JobRole jobRole, String requestedBy,
		@Nullable StaffId requester, @Nullable StaffId unitManager, String approvedBy, LocalDate approvedOn) {
}
