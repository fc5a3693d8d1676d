package io.rumbo.people;

import java.time.LocalDate;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A candidate was hired: they are now the staff record {@code staff} in {@code unit} from {@code hireDate}, and the
 * requisition is filled. Organisation publishes its own {@code StaffHired} for the same person in the same
 * transaction; listen to that one for what any new person needs (onboarding), to this one for recruitment facts.
 */
public record CandidateHired(CandidateId candidate, RequisitionId requisition, StaffId staff, UnitId unit,
		LocalDate hireDate, CandidateSource source) {
}
