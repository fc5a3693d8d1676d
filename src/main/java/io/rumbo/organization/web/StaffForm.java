package io.rumbo.organization.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;

/** The staff form of the pages; kept apart from the entity so that binding never touches domain state. */
class StaffForm {

	private long version;

	@NotBlank
	@Size(max = 32)
	private String employeeNumber = "";

	@NotBlank
	@Size(max = 100)
	private String firstName = "";

	@NotBlank
	@Size(max = 100)
	private String lastName = "";

	@Email
	@Size(max = 200)
	private @Nullable String email;

	@Size(max = 40)
	private @Nullable String phone;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate hireDate;

	@NotNull
	private @Nullable Long unitId;

	@NotNull
	private JobRole jobRole = JobRole.SALESPERSON;

	@NotNull
	private StaffStatus status = StaffStatus.ACTIVE;

	@NotNull
	@Min(1)
	@Max(5)
	private Integer qualificationLevel = 1;

	private @Nullable Long userId;

	/** The linked user account by user name, as the page shows it; resolved to {@code userId} on save. */
	@Size(max = 64)
	private @Nullable String username;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate effectiveDate;

	static StaffForm of(StaffView s) {
		StaffForm form = new StaffForm();
		form.version = s.version();
		form.employeeNumber = s.employeeNumber();
		form.firstName = s.firstName();
		form.lastName = s.lastName();
		form.email = s.email();
		form.phone = s.phone();
		form.hireDate = s.hireDate();
		form.unitId = s.unitId();
		form.jobRole = s.jobRole();
		form.status = s.status();
		form.qualificationLevel = s.qualificationLevel();
		form.userId = s.userId();
		return form;
	}

	StaffManagement.StaffDetails details() {
		return new StaffManagement.StaffDetails(employeeNumber, firstName, lastName, email, phone,
				java.util.Objects.requireNonNull(hireDate), java.util.Objects.requireNonNull(unitId), jobRole, status,
				qualificationLevel, userId, effectiveDate);
	}

	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public String getEmployeeNumber() { return employeeNumber; }
	public void setEmployeeNumber(String employeeNumber) { this.employeeNumber = employeeNumber; }
	public String getFirstName() { return firstName; }
	public void setFirstName(String firstName) { this.firstName = firstName; }
	public String getLastName() { return lastName; }
	public void setLastName(String lastName) { this.lastName = lastName; }
	public @Nullable String getEmail() { return email; }
	public void setEmail(@Nullable String email) { this.email = email; }
	public @Nullable String getPhone() { return phone; }
	public void setPhone(@Nullable String phone) { this.phone = phone; }
	public @Nullable LocalDate getHireDate() { return hireDate; }
	public void setHireDate(@Nullable LocalDate hireDate) { this.hireDate = hireDate; }
	public @Nullable Long getUnitId() { return unitId; }
	public void setUnitId(@Nullable Long unitId) { this.unitId = unitId; }
	public JobRole getJobRole() { return jobRole; }
	public void setJobRole(JobRole jobRole) { this.jobRole = jobRole; }
	public StaffStatus getStatus() { return status; }
	public void setStatus(StaffStatus status) { this.status = status; }
	public Integer getQualificationLevel() { return qualificationLevel; }
	public void setQualificationLevel(Integer qualificationLevel) { this.qualificationLevel = qualificationLevel; }
	public @Nullable Long getUserId() { return userId; }
	public void setUserId(@Nullable Long userId) { this.userId = userId; }
	public @Nullable String getUsername() { return username; }
	public void setUsername(@Nullable String username) { this.username = username; }
	public @Nullable LocalDate getEffectiveDate() { return effectiveDate; }
	public void setEffectiveDate(@Nullable LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
}
