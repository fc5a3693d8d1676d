package io.rumbo.customers.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceManagement;

class ServiceCaseForm {

	private long version;

	private @Nullable Long customerId;

	@Size(max = 64)
	private @Nullable String orderNumber;

	@NotBlank
	@Size(max = 200)
	private String subject = "";

	@NotNull
	private CaseCategory category = CaseCategory.OTHER;

	@NotNull
	private CasePriority priority = CasePriority.MEDIUM;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate openedOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate resolvedOn;

	@Size(max = 1000)
	private @Nullable String resolution;

	@Size(max = 64)
	private @Nullable String externalId;

	static ServiceCaseForm of(ServiceCaseView c) {
		ServiceCaseForm form = new ServiceCaseForm();
		form.version = c.version();
		form.customerId = c.customerId();
		form.orderNumber = c.orderNumber();
		form.subject = c.subject();
		form.category = c.category();
		form.priority = c.priority();
		form.openedOn = c.openedOn();
		form.resolvedOn = c.resolvedOn();
		form.resolution = c.resolution();
		form.externalId = c.externalId();
		return form;
	}

	ServiceManagement.CaseDetails details(long customer) {
		return new ServiceManagement.CaseDetails(externalId, customer, orderNumber, subject, category, priority,
				java.util.Objects.requireNonNull(openedOn), resolvedOn, resolution);
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable Long getCustomerId() {
		return customerId;
	}

	public void setCustomerId(@Nullable Long customerId) {
		this.customerId = customerId;
	}

	public @Nullable String getOrderNumber() {
		return orderNumber;
	}

	public void setOrderNumber(@Nullable String orderNumber) {
		this.orderNumber = orderNumber;
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public CaseCategory getCategory() {
		return category;
	}

	public void setCategory(CaseCategory category) {
		this.category = category;
	}

	public CasePriority getPriority() {
		return priority;
	}

	public void setPriority(CasePriority priority) {
		this.priority = priority;
	}

	public @Nullable LocalDate getOpenedOn() {
		return openedOn;
	}

	public void setOpenedOn(@Nullable LocalDate openedOn) {
		this.openedOn = openedOn;
	}

	public @Nullable LocalDate getResolvedOn() {
		return resolvedOn;
	}

	public void setResolvedOn(@Nullable LocalDate resolvedOn) {
		this.resolvedOn = resolvedOn;
	}

	public @Nullable String getResolution() {
		return resolution;
	}

	public void setResolution(@Nullable String resolution) {
		this.resolution = resolution;
	}

	public @Nullable String getExternalId() {
		return externalId;
	}

	public void setExternalId(@Nullable String externalId) {
		this.externalId = externalId;
	}
}
