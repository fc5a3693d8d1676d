package io.rumbo.catalog;

/** A product of the catalog. Other modules refer to it by this id only. */
public record ProductId(long value) {

	public ProductId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ProductId of(long value) {
		return new ProductId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
