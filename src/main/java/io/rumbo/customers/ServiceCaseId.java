package io.rumbo.customers;

/** A service case. Other modules refer to it by this id only. */
public record ServiceCaseId(long value) {

	public ServiceCaseId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static ServiceCaseId of(long value) {
		return new ServiceCaseId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
