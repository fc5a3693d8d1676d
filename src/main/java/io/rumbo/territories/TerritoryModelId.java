package io.rumbo.territories;

/** The id of a territory model. */
public record TerritoryModelId(long value) {

	public TerritoryModelId {
		if (value <= 0) {
			throw new IllegalArgumentException("A territory model id is positive");
		}
	}

	public static TerritoryModelId of(long value) {
		return new TerritoryModelId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
