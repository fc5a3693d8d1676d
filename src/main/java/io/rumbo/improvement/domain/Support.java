package io.rumbo.improvement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

import io.rumbo.improvement.SupportKind;

/**
 * Support the manager promises with a plan: coaching sessions, shadowing, a training, with what exactly. A training
 * may name a session of the people module ({@code sessionId}); the enrolment it made for the person is kept with it
 * ({@code enrolmentId}), so that the plan shows its status and withdraws it when the action goes (decision 0039).
 */
@Embeddable
public class Support {

	@Enumerated(EnumType.STRING)
	private SupportKind kind;

	@Column(name = "description")
	private String description;

	private @Nullable Long sessionId;

	private @Nullable Long enrolmentId;

	protected Support() {
		this.kind = SupportKind.OTHER;
		this.description = "";
	}

	public Support(SupportKind kind, String description) {
		this(kind, description, null, null);
	}

	public Support(SupportKind kind, String description, @Nullable Long sessionId, @Nullable Long enrolmentId) {
		this.kind = kind;
		this.description = description;
		this.sessionId = sessionId;
		this.enrolmentId = enrolmentId;
	}

	/** The same action with the enrolment made for it, and a description (the session's name when none was given). */
	public Support enrolled(long enrolmentId, String description) {
		return new Support(kind, description, sessionId, enrolmentId);
	}

	public SupportKind kind() {
		return kind;
	}

	public String description() {
		return description;
	}

	public @Nullable Long sessionId() {
		return sessionId;
	}

	public @Nullable Long enrolmentId() {
		return enrolmentId;
	}

	@Override
	public String toString() {
		return kind + ": " + description + (sessionId == null ? "" : " (session " + sessionId + ")");
	}
}
