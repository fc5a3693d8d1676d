package io.rumbo.identity.security;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.rumbo.identity.CurrentUser;

/** Spring Security's view of a Rumbo user; kept in the (database-stored) session after sign-in. */
public final class RumboPrincipal implements UserDetails, CredentialsContainer {

	private final CurrentUser user;
	private @Nullable String passwordHash;
	private final boolean enabled;
	private final @Nullable String locale;

	RumboPrincipal(CurrentUser user, @Nullable String passwordHash, boolean enabled, @Nullable String locale) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locale = locale;
	}

	public CurrentUser user() {
		return user;
	}

	public @Nullable String locale() {
		return locale;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
