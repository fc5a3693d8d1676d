package io.rumbo.territories;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An account kept out of every realignment. */
@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesFrozenAccount")
public record FrozenAccount(long customerId, @Nullable String legalName, @Nullable String reason, String markedBy,
		LocalDate markedOn, @Nullable String potentialClass, @Nullable Long unitId, @Nullable String unitName,
		@Nullable Long ownerStaffId, @Nullable String ownerName) {

	/** A frozen account without its class, unit and owner (the constructor before the list was paged in SQL). */
	public FrozenAccount(long customerId, @Nullable String legalName, @Nullable String reason, String markedBy,
			LocalDate markedOn) {
		this(customerId, legalName, reason, markedBy, markedOn, null, null, null, null, null);
	}
}
