package io.rumbo.customers.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.shared.domain.ConflictException;

/**
 * A service case. It keeps the salesperson and unit it was attributed to when it was opened, so later changes of
 * account ownership do not move past service results from one person to another.
 */
@Entity
@Table(name = "customer_service_case")
public class ServiceCase {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private @Nullable String caseNumber;

	private @Nullable String externalId;

	private long customerId;

	private @Nullable Long orderId;

	private @Nullable String orderNumber;

	private String subject;

	@Enumerated(EnumType.STRING)
	private CaseCategory category;

	@Enumerated(EnumType.STRING)
	private CasePriority priority;

	private LocalDate openedOn;

	private @Nullable LocalDate resolvedOn;

	private @Nullable Integer resolutionDays;

	private @Nullable String resolution;

	private @Nullable Long staffId;

	private long unitId;

	@Version
	private long version;

	protected ServiceCase() {
		this.subject = "";
		this.category = CaseCategory.OTHER;
		this.priority = CasePriority.MEDIUM;
		this.openedOn = LocalDate.MIN;
	}

	public ServiceCase(long customerId, LocalDate openedOn) {
		this();
		this.customerId = customerId;
		this.openedOn = openedOn;
	}

	/** What the case is about; whether it is resolved changes only through {@link #resolve}, {@link #reopen}. */
	public void describe(@Nullable String externalId, long customerId, @Nullable Long orderId,
			@Nullable String orderNumber, String subject, CaseCategory category, CasePriority priority,
			LocalDate openedOn) {
		this.externalId = externalId;
		this.customerId = customerId;
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.subject = subject;
		this.category = category;
		this.priority = priority;
		this.openedOn = openedOn;
		if (resolvedOn != null) {
			// A full edit that moves the opening date corrects the resolution right after (see correctResolution).
			this.resolutionDays = (int) ChronoUnit.DAYS.between(openedOn, resolvedOn);
		}
	}

	/** Resolves an open case on {@code on}; a case already resolved is refused (reopen it first). */
	public void resolve(LocalDate on, @Nullable String resolution) {
		if (resolvedOn != null) {
			throw new ConflictException("customers.case.alreadyResolved");
		}
		settle(on, resolution);
	}

	/** Corrects when and how a resolved case was resolved (a full edit of the case). */
	public void correctResolution(LocalDate on, @Nullable String resolution) {
		if (resolvedOn == null) {
			throw new ConflictException("customers.case.notResolved");
		}
		settle(on, resolution);
	}

	private void settle(LocalDate on, @Nullable String resolution) {
		if (on.isBefore(openedOn)) {
			throw new IllegalArgumentException("resolved before opened");
		}
		this.resolvedOn = on;
		this.resolutionDays = (int) ChronoUnit.DAYS.between(openedOn, on);
		this.resolution = resolution;
	}

	/** Opens a resolved case again; its resolution no longer counts. An open case is refused. */
	public void reopen() {
		if (resolvedOn == null) {
			throw new ConflictException("customers.case.notResolved");
		}
		this.resolvedOn = null;
		this.resolutionDays = null;
	}

	/** A resolution text on an open case is kept as a note. */
	public void note(@Nullable String resolution) {
		this.resolution = resolution;
	}

	public void attribute(@Nullable Long staffId, long unitId) {
		this.staffId = staffId;
		this.unitId = unitId;
	}

	/** Business numbers follow the id, once, like order numbers: CAS-2026-000123. */
	public void number() {
		if (caseNumber == null) {
			caseNumber = String.format("CAS-%d-%06d", openedOn.getYear(), id());
		}
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("caseNumber", caseNumber);
		state.put("externalId", externalId);
		state.put("customerId", customerId);
		state.put("orderNumber", orderNumber);
		state.put("subject", subject);
		state.put("category", category.name());
		state.put("priority", priority.name());
		state.put("openedOn", openedOn.toString());
		state.put("resolvedOn", resolvedOn == null ? null : resolvedOn.toString());
		state.put("resolution", resolution);
		state.put("staffId", staffId);
		state.put("unitId", unitId);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Case not saved yet");
		}
		return id;
	}

	public @Nullable String caseNumber() {
		return caseNumber;
	}

	public long customerId() {
		return customerId;
	}

	public LocalDate openedOn() {
		return openedOn;
	}

	public @Nullable LocalDate resolvedOn() {
		return resolvedOn;
	}

	public boolean resolved() {
		return resolvedOn != null;
	}

	/** Days from opening to resolution; only for a resolved case. */
	public int resolutionDays() {
		if (resolutionDays == null) {
			throw new IllegalStateException("Case not resolved");
		}
		return resolutionDays;
	}

	public @Nullable Long staffId() {
		return staffId;
	}

	public long unitId() {
		return unitId;
	}

	public CasePriority priority() {
		return priority;
	}

	public CaseCategory category() {
		return category;
	}

	public long version() {
		return version;
	}
}
