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
import io.rumbo.shared.domain.ConflictException;

/**
 * A visit, call, meeting, e-mail or demo with a customer: planned for a day, then done. Being done is a one-way
 * transition: the day it was done has been announced (it counts for the owner's results), so a done activity
 * keeps it.
 */
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
			long ownerUnitId, LocalDate plannedOn, @Nullable Integer durationMinutes, @Nullable String outcome,
			@Nullable String notes, @Nullable String nextStep) {
		this.customerId = customerId;
		this.contactId = contactId;
		this.activityType = type;
		this.ownerStaffId = ownerStaffId;
		this.ownerUnitId = ownerUnitId;
		this.plannedOn = plannedOn;
		this.durationMinutes = durationMinutes;
		this.outcome = outcome;
		this.notes = notes;
		this.nextStep = nextStep;
	}

	/**
	 * Records the day the activity was done, as the details sent by a form or the API say it. A planned activity
	 * becomes done; a done one sent again with its own day stays as it is; marking a done activity done on another
	 * day, or taking the done mark away, is refused.
	 *
	 * @return whether the activity has just become done
	 */
	public boolean recordDone(@Nullable LocalDate on) {
		if (doneOn != null) {
			if (!doneOn.equals(on)) {
				throw new ConflictException("sales.activity.alreadyDone", doneOn);
			}
			return false;
		}
		this.doneOn = on;
		return on != null;
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

	public ActivityType type() {
		return activityType;
	}

	public long customerId() {
		return customerId;
	}

	public long ownerStaffId() {
		return ownerStaffId;
	}

	public long ownerUnitId() {
		return ownerUnitId;
	}

	public @Nullable LocalDate doneOn() {
		return doneOn;
	}
}
