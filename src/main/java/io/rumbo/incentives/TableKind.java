package io.rumbo.incentives;

/**
 * How a rate table turns a base into an amount (docs/incentives.md). The tiers' {@code pays} is a rate in percent of
 * the measure value for every kind except {@link #PROPORTIONAL} (an amount spread over the tier) and
 * {@link #PER_UNIT} (an amount per unit or per deal, the SPIFF).
 */
public enum TableKind {
	/** The whole value at the rate of the highest tier reached. */
	FLAT,
	/** Each tier's rate only on the part of the value inside it (step rates). */
	MARGINAL,
	/** Each tier pays a fixed amount, pro-rated by how much of the tier the value covers. */
	PROPORTIONAL,
	/**
	 * As {@link #FLAT}, on the year to date: reaching a tier re-rates everything from the start of the year, and a
	 * period earns the year-to-date amount less what the year had earned before it.
	 */
	RETROACTIVE,
	/** An amount per unit (or per deal) counted: the first tier's {@code pays}; a SPIFF. */
	PER_UNIT
}
