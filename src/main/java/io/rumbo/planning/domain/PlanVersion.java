package io.rumbo.planning.domain;

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

import io.rumbo.planning.PlanState;
import io.rumbo.shared.domain.ConflictException;

/**
 * One version of a plan. Only a draft changes; a submitted draft is approved (or returned) by a director; an
 * approved version becomes the active one, which closes the version active before it. A change to an approved plan
 * is a new version based on it.
 */
@Entity
@Table(name = "planning_plan_version")
public class PlanVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long planId;

	private int number;

	@Enumerated(EnumType.STRING)
	private PlanState state;

	private @Nullable Long basedOnId;

	private @Nullable String note;

	private String createdBy;

	private LocalDate createdOn;

	private @Nullable String submittedBy;

	private @Nullable LocalDate submittedOn;

	private @Nullable String approvedBy;

	private @Nullable LocalDate approvedOn;

	@Version
	private long version;

	protected PlanVersion() {
		this.state = PlanState.DRAFT;
		this.createdBy = "";
		this.createdOn = LocalDate.MIN;
	}

	public PlanVersion(long planId, int number, @Nullable Long basedOnId, @Nullable String note, String createdBy,
			LocalDate createdOn) {
		this();
		this.planId = planId;
		this.number = number;
		this.basedOnId = basedOnId;
		this.note = note;
		this.createdBy = createdBy;
		this.createdOn = createdOn;
	}

	public void submit(String by, LocalDate on) {
		require(PlanState.DRAFT);
		this.state = PlanState.SUBMITTED;
		this.submittedBy = by;
		this.submittedOn = on;
	}

	public void returnToDraft() {
		require(PlanState.SUBMITTED);
		this.state = PlanState.DRAFT;
	}

	public void approve(String by, LocalDate on) {
		require(PlanState.SUBMITTED);
		this.state = PlanState.APPROVED;
		this.approvedBy = by;
		this.approvedOn = on;
	}

	public void activate() {
		require(PlanState.APPROVED);
		this.state = PlanState.ACTIVE;
	}

	public void close() {
		require(PlanState.ACTIVE);
		this.state = PlanState.CLOSED;
	}

	/** A move the version's state does not allow is refused as a conflict naming the state it is in. */
	private void require(PlanState expected) {
		if (state != expected) {
			throw new ConflictException("planning.version.wrongState", state.name());
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("planId", planId);
		s.put("number", number);
		s.put("state", state.name());
		s.put("basedOnId", basedOnId);
		return s;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Version not saved yet");
		}
		return id;
	}

	public long planId() {
		return planId;
	}

	public int number() {
		return number;
	}

	public PlanState state() {
		return state;
	}

	public long version() {
		return version;
	}

	public @Nullable Long basedOnId() {
		return basedOnId;
	}

	public @Nullable String note() {
		return note;
	}

	public String createdBy() {
		return createdBy;
	}

	public LocalDate createdOn() {
		return createdOn;
	}

	public @Nullable String submittedBy() {
		return submittedBy;
	}

	public @Nullable LocalDate submittedOn() {
		return submittedOn;
	}

	public @Nullable String approvedBy() {
		return approvedBy;
	}

	public @Nullable LocalDate approvedOn() {
		return approvedOn;
	}
}
