package io.rumbo.territories;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A territory model as lists and the API show it; a SCHEDULED model has the date it activates on ({@code scheduledFor})
 * and who scheduled it.
 */
@Schema(name = "TerritoriesModel")
public record ModelView(long id, long version, String name, ModelStatus status, @Nullable Long basedOnId,
		@Nullable String note, String createdBy, Instant createdAt, @Nullable LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo, @Nullable String activatedBy, @Nullable Integer movedAccounts,
		long territories, @Nullable LocalDate scheduledFor, @Nullable String scheduledBy) {

	/** A model that is not scheduled (the constructor before scheduling existed). */
	public ModelView(long id, long version, String name, ModelStatus status, @Nullable Long basedOnId,
			@Nullable String note, String createdBy, Instant createdAt, @Nullable LocalDate effectiveFrom,
			@Nullable LocalDate effectiveTo, @Nullable String activatedBy, @Nullable Integer movedAccounts,
			long territories) {
		this(id, version, name, status, basedOnId, note, createdBy, createdAt, effectiveFrom, effectiveTo, activatedBy,
				movedAccounts, territories, null, null);
	}
}
