package io.rumbo.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A standard cost in force from {@code validFrom} (inclusive) to {@code validTo} (exclusive; open when null). */
public record CostPeriod(LocalDate validFrom, @Nullable LocalDate validTo, BigDecimal standardCost) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
	}
}
