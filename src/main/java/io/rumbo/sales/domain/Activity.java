package io.rumbo.sales.domain;

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

import io.rumbo.sales.ActivityType;

@Entity
@Table(name = "sales_activity")
public class Activity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	private @Nullable Long contactId;

	@Enumerated(EnumType.STRING)
	private ActivityType activityType;

	private long ownerStaffId;

	private long ownerUnitId;

	private LocalDate plannedOn;

	private @Nullable LocalDate doneOn;

	private @Nullable Integer durationMinutes;

	private @Nullable String outcome;

	private @Nullable String notes;

	private @Nullable String nextStep;

	private @Nullable String externalId;

	@Version
	private long version;

	protected Activity() {
		this.activityType = ActivityType.VISIT;
		this.plannedOn = LocalDate.MIN;
	}

	public Activity(long customerId, ActivityType type) {
		this();
		this.customerId = customerId;
		this.activityType = type;
	}

	public void describe(long customerId, @Nullable Long contactId, ActivityType type, long ownerStaffId,
			long ownerUnitId, LocalDate plannedOn, @Nullable LocalDate doneOn, @Nullable Integer durationMinutes,
			@Nullable String outcome, @Nullable String notes, @Nullable String nextStep) {
		this.customerId = customerId;
		this.contactId = contactId;
		this.activityType = type;
		this.ownerStaffId = ownerStaffId;
		this.ownerUnitId = ownerUnitId;
		this.plannedOn = plannedOn;
		this.doneOn = doneOn;
		this.durationMinutes = durationMinutes;
		this.outcome = outcome;
		this.notes = notes;
		this.nextStep = nextStep;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("customerId", customerId);
		state.put("type", activityType.name());
		state.put("ownerStaffId", ownerStaffId);
		state.put("plannedOn", plannedOn.toString());
		state.put("doneOn", doneOn == null ? null : doneOn.toString());
		state.put("outcome", outcome);
		return state;
	}

	/** The id the activity has in the system it was imported from, set once. */
	public void identifyAs(String externalId) {
		this.externalId = externalId;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Activity not saved yet");
		}
		return id;
	}

	public long version() {
		return version;
	}
}
