package io.rumbo.customers.domain;

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

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;

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

	/** Resolution cannot precede opening; a resolution text without a date is kept as a note on an open case. */
	public void describe(@Nullable String externalId, long customerId, @Nullable Long orderId,
			@Nullable String orderNumber, String subject, CaseCategory category, CasePriority priority,
			LocalDate openedOn, @Nullable LocalDate resolvedOn, @Nullable String resolution) {
		if (resolvedOn != null && resolvedOn.isBefore(openedOn)) {
			throw new IllegalArgumentException("resolved before opened");
		}
		this.externalId = externalId;
		this.customerId = customerId;
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.subject = subject;
		this.category = category;
		this.priority = priority;
		this.openedOn = openedOn;
		this.resolvedOn = resolvedOn;
		this.resolutionDays = resolvedOn == null ? null
				: (int) java.time.temporal.ChronoUnit.DAYS.between(openedOn, resolvedOn);
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

	public long version() {
		return version;
	}
}
