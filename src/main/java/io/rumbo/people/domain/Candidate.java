package io.rumbo.people.domain;

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

import io.rumbo.people.CandidateSource;
import io.rumbo.shared.domain.ConflictException;

/**
 * A candidate for a requisition, moving through the company's open stages in any order until a terminal one:
 * REJECTED (with the reason, required) or HIRED (with the staff record the hire created). A terminal candidate
 * stays where they are; every refused move answers 409.
 */
@Entity
@Table(name = "people_candidate")
public class Candidate {

	public static final String HIRED = "HIRED";

	public static final String REJECTED = "REJECTED";

	public static final String FIRST = "APPLIED";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long requisitionId;

	private long unitId;

	private String firstName;

	private String lastName;

	private @Nullable String email;

	private @Nullable String phone;

	@Enumerated(EnumType.STRING)
	private CandidateSource source;

	private @Nullable String sourceDetail;

	private String stage;

	private LocalDate appliedOn;

	private LocalDate stageOn;

	private @Nullable String rejectionReason;

	private @Nullable LocalDate hiredOn;

	private @Nullable Long staffId;

	private String addedBy;

	@Version
	private long version;

	protected Candidate() {
		this.firstName = "";
		this.lastName = "";
		this.source = CandidateSource.OTHER;
		this.stage = FIRST;
		this.appliedOn = LocalDate.EPOCH;
		this.stageOn = LocalDate.EPOCH;
		this.addedBy = "";
	}

	public Candidate(long requisitionId, long unitId, String firstStage, LocalDate appliedOn, String addedBy) {
		this();
		this.requisitionId = requisitionId;
		this.unitId = unitId;
		this.stage = firstStage;
		this.appliedOn = appliedOn;
		this.stageOn = appliedOn;
		this.addedBy = addedBy;
	}

	public void describe(String firstName, String lastName, @Nullable String email, @Nullable String phone,
			CandidateSource source, @Nullable String sourceDetail) {
		if (terminal()) {
			throw refused("edit");
		}
		this.firstName = firstName;
		this.lastName = lastName;
		this.email = email;
		this.phone = phone;
		this.source = source;
		this.sourceDetail = sourceDetail;
	}

	/** To another open stage (the caller checked it exists and is open); the terminal ones have their own moves. */
	public void moveTo(String openStage, LocalDate on) {
		if (terminal()) {
			throw refused("move");
		}
		if (openStage.equals(stage)) {
			return;
		}
		stage = openStage;
		stageOn = on;
	}

	public void reject(String reason, LocalDate on) {
		if (terminal()) {
			throw refused("reject");
		}
		stage = REJECTED;
		stageOn = on;
		rejectionReason = reason;
	}

	public void hire(long staffId, LocalDate on) {
		if (terminal()) {
			throw refused("hire");
		}
		stage = HIRED;
		stageOn = on;
		hiredOn = on;
		this.staffId = staffId;
	}

	public boolean terminal() {
		return HIRED.equals(stage) || REJECTED.equals(stage);
	}

	private ConflictException refused(String action) {
		return new ConflictException("people.candidate.refused." + action, stage);
	}

	/** What the audit trail keeps: the stage and the facts of the hire, never the candidate's personal data. */
	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("requisitionId", requisitionId);
		state.put("stage", stage);
		state.put("source", source);
		state.put("rejectionReason", rejectionReason);
		state.put("staffId", staffId);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("A candidate not yet saved has no id");
		}
		return id;
	}

	public long requisitionId() {
		return requisitionId;
	}

	public long unitId() {
		return unitId;
	}

	public String firstName() {
		return firstName;
	}

	public String lastName() {
		return lastName;
	}

	public @Nullable String email() {
		return email;
	}

	public @Nullable String phone() {
		return phone;
	}

	public CandidateSource source() {
		return source;
	}

	public String stage() {
		return stage;
	}

	public @Nullable Long staffId() {
		return staffId;
	}

	public @Nullable LocalDate hiredOn() {
		return hiredOn;
	}

	public long version() {
		return version;
	}
}
