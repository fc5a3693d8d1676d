package io.rumbo.improvement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.rumbo.improvement.SupportKind;

/** Support the manager promises with a plan: coaching sessions, shadowing, a training, with what exactly. */
@Embeddable
public class Support {

	@Enumerated(EnumType.STRING)
	private SupportKind kind;

	@Column(name = "description")
	private String description;

	protected Support() {
		this.kind = SupportKind.OTHER;
		this.description = "";
	}

	public Support(SupportKind kind, String description) {
		this.kind = kind;
		this.description = description;
	}

	@Override
	public String toString() {
		return kind + ": " + description;
	}
}
