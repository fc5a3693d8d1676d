package io.rumbo.territories;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A territory model as lists and the API show it. */
@Schema(name = "TerritoriesModel")
public record ModelView(long id, long version, String name, ModelStatus status, @Nullable Long basedOnId,
		@Nullable String note, String createdBy, Instant createdAt, @Nullable LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo, @Nullable String activatedBy, @Nullable Integer movedAccounts,
		long territories) {
}
