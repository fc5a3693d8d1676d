package io.rumbo.customers;

import org.jspecify.annotations.Nullable;

public record ContactView(long id, long version, long customerId, @Nullable String externalId, String fullName,
		@Nullable String jobTitle, ContactRole role, @Nullable String email, @Nullable String phone, boolean primary) {
}
