package io.rumbo.organization.domain;

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

/** Planned headcount of one job role in one unit; filled and vacant counts are derived from staff. */
@Entity
@Table(name = "org_position")
public class Position {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long unitId;

	@Enumerated(EnumType.STRING)
	private JobRole jobRole;

	private int plannedHeadcount;

	@Version
	private long version;

	protected Position() {
		this.jobRole = JobRole.SALESPERSON;
	}

	public Position(long unitId, JobRole jobRole, int plannedHeadcount) {
		this.unitId = unitId;
		this.jobRole = jobRole;
		plan(plannedHeadcount);
	}

	public void plan(int headcount) {
		if (headcount < 0) {
			throw new IllegalArgumentException("Planned headcount cannot be negative");
		}
		this.plannedHeadcount = headcount;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long unitId() {
		return unitId;
	}

	public JobRole jobRole() {
		return jobRole;
	}

	public int plannedHeadcount() {
		return plannedHeadcount;
	}

	public long version() {
		return version;
	}
}
