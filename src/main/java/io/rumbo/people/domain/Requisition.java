package io.rumbo.people.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.JobRole;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * A requisition to fill one vacancy of a planned position. Its status moves only forward, and only along
 * DRAFT -> SUBMITTED -> APPROVED or REJECTED, then APPROVED -> FILLED; an open one (not yet approved, or approved and
 * unfilled) may be cancelled. Every refused move changes nothing and answers 409 with the current status.
 */
@Entity
@Table(name = "people_requisition")
public class Requisition {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long positionId;

	private long unitId;

	@Enumerated(EnumType.STRING)
	private JobRole jobRole;

	@Enumerated(EnumType.STRING)
	private RequisitionReason reason;

	private @Nullable Long replacesStaffId;

	private BigDecimal budgetedCost;

	private @Nullable String notes;

	@Enumerated(EnumType.STRING)
	private RequisitionStatus status;

	private String requestedBy;

	private String requestedByName;

	private @Nullable Long requesterStaffId;

	private LocalDate requestedOn;

	private @Nullable LocalDate submittedOn;

	private @Nullable String decidedBy;

	private @Nullable LocalDate decidedOn;

	private @Nullable String rejectionReason;

	private @Nullable LocalDate closedOn;

	private @Nullable Long hiredCandidateId;

	@Version
	private long version;

	protected Requisition() {
		this.jobRole = JobRole.SALESPERSON;
		this.reason = RequisitionReason.GROWTH;
		this.budgetedCost = BigDecimal.ZERO;
		this.status = RequisitionStatus.DRAFT;
		this.requestedBy = "";
		this.requestedByName = "";
		this.requestedOn = LocalDate.EPOCH;
	}

	public Requisition(long positionId, long unitId, JobRole jobRole, String requestedBy, String requestedByName,
			@Nullable Long requesterStaffId, LocalDate requestedOn) {
		this();
		this.positionId = positionId;
		this.unitId = unitId;
		this.jobRole = jobRole;
		this.requestedBy = requestedBy;
		this.requestedByName = requestedByName;
		this.requesterStaffId = requesterStaffId;
		this.requestedOn = requestedOn;
	}

	/** Moves a draft to another position (unit and job role); its requirements are copied again by the caller. */
	public void place(long positionId, long unitId, JobRole jobRole) {
		if (status != RequisitionStatus.DRAFT) {
			throw refused("edit");
		}
		this.positionId = positionId;
		this.unitId = unitId;
		this.jobRole = jobRole;
	}

	/** The terms of the requisition, changed only while it is a draft. */
	public void describe(RequisitionReason reason, @Nullable Long replacesStaffId, BigDecimal budgetedCost,
			@Nullable String notes) {
		if (status != RequisitionStatus.DRAFT) {
			throw refused("edit");
		}
		this.reason = reason;
		this.replacesStaffId = reason == RequisitionReason.REPLACEMENT ? replacesStaffId : null;
		this.budgetedCost = budgetedCost;
		this.notes = notes;
	}

	public void submit(LocalDate on) {
		if (status != RequisitionStatus.DRAFT) {
			throw refused("submit");
		}
		status = RequisitionStatus.SUBMITTED;
		submittedOn = on;
	}

	public void approve(String by, LocalDate on) {
		if (status != RequisitionStatus.SUBMITTED) {
			throw refused("approve");
		}
		status = RequisitionStatus.APPROVED;
		decidedBy = by;
		decidedOn = on;
	}

	public void reject(String by, LocalDate on, String reason) {
		if (status != RequisitionStatus.SUBMITTED) {
			throw refused("reject");
		}
		status = RequisitionStatus.REJECTED;
		decidedBy = by;
		decidedOn = on;
		rejectionReason = reason;
	}

	/** A hire fills it: only an approved requisition takes one, and only one. */
	public void fill(long candidateId, LocalDate on) {
		if (status != RequisitionStatus.APPROVED) {
			throw refused("fill");
		}
		status = RequisitionStatus.FILLED;
		hiredCandidateId = candidateId;
		closedOn = on;
	}

	public void cancel(LocalDate on) {
		if (!status.open()) {
			throw refused("cancel");
		}
		status = RequisitionStatus.CANCELLED;
		closedOn = on;
	}

	/** Whether candidates may still be added and moved: a requisition not yet closed or rejected. */
	public boolean takesCandidates() {
		return status.open();
	}

	private ConflictException refused(String action) {
		return new ConflictException("people.requisition.refused." + action, status.name());
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", status);
		state.put("unitId", unitId);
		state.put("jobRole", jobRole);
		state.put("reason", reason);
		state.put("replacesStaffId", replacesStaffId);
		state.put("budgetedCost", budgetedCost.toPlainString());
		state.put("decidedBy", decidedBy);
		state.put("rejectionReason", rejectionReason);
		state.put("hiredCandidateId", hiredCandidateId);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("A requisition not yet saved has no id");
		}
		return id;
	}

	public long positionId() {
		return positionId;
	}

	public long unitId() {
		return unitId;
	}

	public JobRole jobRole() {
		return jobRole;
	}

	public RequisitionStatus status() {
		return status;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public @Nullable Long requesterStaffId() {
		return requesterStaffId;
	}

	public long version() {
		return version;
	}

	public @Nullable Long hiredCandidateId() {
		return hiredCandidateId;
	}
}
