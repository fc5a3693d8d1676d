package io.rumbo.identity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A user account as the API and pages show it; never carries the password hash. */
public record UserView(long id, long version, String username, String displayName, @Nullable String email,
		boolean enabled, boolean archived, Set<Role> roles, @Nullable String locale, Instant createdAt) {
}
