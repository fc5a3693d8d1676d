package io.rumbo.catalog;

/** A product line of the catalog. Other modules refer to it by this id only. */
public record ProductLineId(long value) {

	public ProductLineId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ProductLineId of(long value) {
		return new ProductLineId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
