package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic options of one plan component around its rate table (docs/incentives.md):
 * <ul>
 * <li>{@code thresholdPercent}: nothing is paid below this attainment;</li>
 * <li>{@code ytdGatePercent}: nothing is paid in a period unless the year-to-date attainment reaches this;</li>
 * <li>{@code accelerator}: the part of the table's amount earned above {@code fromPercent} of quota is multiplied by
 * {@code multiplier} (1.5 pays half as much again); {@code decelerator}: the part earned below {@code fromPercent} is
 * multiplied by its (smaller) multiplier;</li>
 * <li>{@code bonuses}: fixed amounts paid on reaching a target (in the table's basis);</li>
 * <li>{@code cap}: the most the component pays in a period, the excess recorded as capped.</li>
 * </ul>
 */
public record ComponentRules(RateTable table, @Nullable BigDecimal thresholdPercent,
		@Nullable BigDecimal ytdGatePercent, @Nullable Multiplier accelerator, @Nullable Multiplier decelerator,
		List<Bonus> bonuses, @Nullable BigDecimal cap) {

	public ComponentRules {
		bonuses = List.copyOf(bonuses);
	}

	/** Only a table: no threshold, gate, multipliers, bonuses or cap. */
	public static ComponentRules of(RateTable table) {
		return new ComponentRules(table, null, null, null, null, List.of(), null);
	}

	public ComponentRules withThreshold(BigDecimal percent) {
		return new ComponentRules(table, percent, ytdGatePercent, accelerator, decelerator, bonuses, cap);
	}

	public ComponentRules withYtdGate(BigDecimal percent) {
		return new ComponentRules(table, thresholdPercent, percent, accelerator, decelerator, bonuses, cap);
	}

	/** The same rules without the year-to-date gate (a curve of one period on its own). */
	public ComponentRules withoutYtdGate() {
		return new ComponentRules(table, thresholdPercent, null, accelerator, decelerator, bonuses, cap);
	}

	public ComponentRules withAccelerator(BigDecimal fromPercent, BigDecimal multiplier) {
		return new ComponentRules(table, thresholdPercent, ytdGatePercent, new Multiplier(fromPercent, multiplier),
				decelerator, bonuses, cap);
	}

	public ComponentRules withDecelerator(BigDecimal belowPercent, BigDecimal multiplier) {
		return new ComponentRules(table, thresholdPercent, ytdGatePercent, accelerator,
				new Multiplier(belowPercent, multiplier), bonuses, cap);
	}

	public ComponentRules withBonuses(List<Bonus> more) {
		return new ComponentRules(table, thresholdPercent, ytdGatePercent, accelerator, decelerator, more, cap);
	}

	public ComponentRules withCap(BigDecimal amount) {
		return new ComponentRules(table, thresholdPercent, ytdGatePercent, accelerator, decelerator, bonuses, amount);
	}

	/** Whether the component needs the person's quota to be calculated. */
	public boolean needsQuota() {
		return table.basis() == io.rumbo.incentives.TableBasis.ATTAINMENT || thresholdPercent != null
				|| ytdGatePercent != null || accelerator != null || decelerator != null;
	}

	/** An accelerator or decelerator: the attainment % where it starts (or below which it applies) and its factor. */
	public record Multiplier(BigDecimal fromPercent, BigDecimal multiplier) {

		public Multiplier {
			if (fromPercent.signum() < 0 || multiplier.signum() < 0) {
				throw new IllegalArgumentException("Multipliers and their points are not negative");
			}
		}
	}

	/** A fixed amount paid when the basis reaches {@code target}. */
	public record Bonus(BigDecimal target, BigDecimal amount) {
	}
}
