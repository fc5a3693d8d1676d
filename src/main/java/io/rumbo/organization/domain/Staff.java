package io.rumbo.organization.domain;

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
import io.rumbo.organization.StaffStatus;
import io.rumbo.shared.domain.ConflictException;

/**
 * A person in the sales organisation. The manager is not stored: it follows from the unit (see
 * {@code OrgQueries}), so moving a person or changing a unit's manager never leaves a stale manager behind.
 */
@Entity
@Table(name = "org_staff")
public class Staff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String employeeNumber;

	private String firstName;

	private String lastName;

	private @Nullable String email;

	private @Nullable String phone;

	private LocalDate hireDate;

	private long unitId;

	@Enumerated(EnumType.STRING)
	private JobRole jobRole;

	@Enumerated(EnumType.STRING)
	private StaffStatus status;

	private int qualificationLevel;

	private @Nullable Long userId;

	private boolean archived;

	@Version
	private long version;

	protected Staff() {
		this.employeeNumber = "";
		this.firstName = "";
		this.lastName = "";
		this.hireDate = LocalDate.MIN;
		this.jobRole = JobRole.SALESPERSON;
		this.status = StaffStatus.ACTIVE;
	}

	public Staff(String employeeNumber, String firstName, String lastName, LocalDate hireDate, long unitId,
			JobRole jobRole, int qualificationLevel) {
		this.employeeNumber = employeeNumber;
		this.firstName = firstName;
		this.lastName = lastName;
		this.hireDate = hireDate;
		this.unitId = unitId;
		this.jobRole = jobRole;
		this.status = StaffStatus.ACTIVE;
		this.qualificationLevel = qualificationLevel;
	}

	public void describe(String employeeNumber, String firstName, String lastName, @Nullable String email,
			@Nullable String phone, LocalDate hireDate, JobRole jobRole, StaffStatus status, int qualificationLevel) {
		this.employeeNumber = employeeNumber;
		this.firstName = firstName;
		this.lastName = lastName;
		this.email = email;
		this.phone = phone;
		this.hireDate = hireDate;
		this.jobRole = jobRole;
		this.status = status;
		this.qualificationLevel = qualificationLevel;
	}

	public void linkUser(@Nullable Long userId) {
		this.userId = userId;
	}

	void moveTo(long unitId) {
		this.unitId = unitId;
	}

	/** The person left; leaving twice is refused, so the date they left is recorded once. */
	void archive() {
		if (archived) {
			throw new ConflictException("organization.staff.alreadyArchived");
		}
		this.archived = true;
		this.status = StaffStatus.LEFT;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("employeeNumber", employeeNumber);
		state.put("firstName", firstName);
		state.put("lastName", lastName);
		state.put("email", email);
		state.put("phone", phone);
		state.put("hireDate", hireDate.toString());
		state.put("unitId", unitId);
		state.put("jobRole", jobRole.name());
		state.put("status", status.name());
		state.put("qualificationLevel", qualificationLevel);
		state.put("userId", userId);
		state.put("archived", archived);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Staff not saved yet");
		}
		return id;
	}

	public long unitId() {
		return unitId;
	}

	public LocalDate hireDate() {
		return hireDate;
	}

	public String fullName() {
		return firstName + " " + lastName;
	}

	public @Nullable Long userId() {
		return userId;
	}

	public JobRole jobRole() {
		return jobRole;
	}

	public StaffStatus status() {
		return status;
	}

	public boolean archived() {
		return archived;
	}

	public long version() {
		return version;
	}
}
