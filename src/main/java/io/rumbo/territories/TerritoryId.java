package io.rumbo.territories;

/** The id of a territory. */
public record TerritoryId(long value) {

	public TerritoryId {
		if (value <= 0) {
			throw new IllegalArgumentException("A territory id is positive");
		}
	}

	public static TerritoryId of(long value) {
		return new TerritoryId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
