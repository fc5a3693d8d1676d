package io.rumbo.identity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail: who did what to which record, with the state before and after (JSON), and the
 * fields that differ between the two.
 */
public record AuditEntry(long id, Instant occurredAt, @Nullable String actor, String action, String entityType,
		@Nullable String entityId, @Nullable String summary, @Nullable String before, @Nullable String after,
		@Nullable String remoteAddress, List<FieldChange> changes) {

	/** A field whose value changed; {@code before} is empty for a created record, {@code after} for a removed one. */
	public record FieldChange(String field, String before, String after) {
	}
}
