package io.rumbo.sizing;

/**
 * Salespeople of a unit's subtree today (staff in the SALESPERSON job role) and the positions planned for them, and
 * what a scenario needs against both: {@code gap} is how many planned positions it adds (never negative).
 */
public record Headcount(int filled, int planned, int needed) {

	public int gap() {
		return Math.max(0, needed - planned);
	}

	public int toHire() {
		return Math.max(0, needed - filled);
	}
}
