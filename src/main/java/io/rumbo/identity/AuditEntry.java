package io.rumbo.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit trail: who did what to which record, with the state before and after (JSON). */
public record AuditEntry(long id, Instant occurredAt, @Nullable String actor, String action, String entityType,
		@Nullable String entityId, @Nullable String summary, @Nullable String before, @Nullable String after,
		@Nullable String remoteAddress) {
}
