package io.rumbo.sales;

/** An opportunity in the pipeline. Other modules refer to it by this id only. */
public record OpportunityId(long value) {

	public OpportunityId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static OpportunityId of(long value) {
		return new OpportunityId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
