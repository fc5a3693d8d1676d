package io.rumbo.incentives.domain;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One row of a rate table: from {@code from} to {@code to} (open above when {@code to} is null), in the table's basis
 * (a value or an attainment %), paying {@code pays} (a rate in percent, or an amount for proportional and per-unit
 * tables). Whether a value exactly on a boundary belongs here or to the next tier is the table's
 * {@link io.rumbo.incentives.TierBoundary}.
 */
public record Tier(BigDecimal from, @Nullable BigDecimal to, BigDecimal pays) {

	public Tier {
		if (to != null && to.compareTo(from) <= 0) {
			throw new IllegalArgumentException("A tier ends above where it starts: " + from + " - " + to);
		}
	}

	public static Tier of(String from, @Nullable String to, String pays) {
		return new Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(pays));
	}
}
