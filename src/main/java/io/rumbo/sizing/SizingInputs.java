package io.rumbo.sizing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A calculator's inputs: named figures ({@code values}) and rows ({@code groups}). Workload reads
 * {@code callsPerSalesperson} or {@code callLengthHours} and {@code sellingHours}, and a row per potential class
 * (accounts in {@code count}, calls a year per account in {@code amount}); breakdown {@code forecastSales},
 * {@code salesPerSalesperson}, {@code turnoverPercent}; incremental {@code revenueFactor} (a), {@code exponent} (b),
 * {@code costPerSalesperson}, {@code maxSalespeople}; break-even {@code costPerHire}, {@code marginPercent},
 * {@code expectedSales}; capacity {@code attritionPercent} and a row per tenure group (people in {@code count}, the
 * quota in {@code amount}, productivity in {@code percent}). docs/sizing.md has each formula.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "SizingInputs")
public record SizingInputs(Map<String, BigDecimal> values, List<Group> groups) {

	public SizingInputs {
		values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
		groups = List.copyOf(groups);
	}

	/** A row: a potential class with its accounts and calls, or a tenure group with its people, quota, productivity. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SizingInputsGroup")
	public record Group(String label, BigDecimal count, BigDecimal amount, @Nullable BigDecimal percent) {
	}

	public @Nullable BigDecimal value(String name) {
		return values.get(name);
	}
}
