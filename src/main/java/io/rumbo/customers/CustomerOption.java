package io.rumbo.customers;

import org.jspecify.annotations.Nullable;

/** An account as a picker offers it: enough to tell two of the same name apart. */
public record CustomerOption(long id, String legalName, @Nullable String city, @Nullable String externalId) {

	public CustomerId customerId() {
		return CustomerId.of(id);
	}

	/** "Name · City", what a picker shows. */
	public String label() {
		return city == null || city.isBlank() ? legalName : legalName + " · " + city;
	}
}
