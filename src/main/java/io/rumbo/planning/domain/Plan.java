package io.rumbo.planning.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/** The sales plan of a fiscal year; its targets live in numbered versions. */
@Entity
@Table(name = "planning_plan")
public class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private int fiscalYear;

	private String name;

	@Version
	private long version;

	protected Plan() {
		this.name = "";
	}

	public Plan(int fiscalYear, String name) {
		this.fiscalYear = fiscalYear;
		this.name = name;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Plan not saved yet");
		}
		return id;
	}

	public int fiscalYear() {
		return fiscalYear;
	}

	public String name() {
		return name;
	}
}
