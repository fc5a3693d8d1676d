package io.rumbo.identity.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.domain.User;
import io.rumbo.identity.domain.UserRepository;

@Component
class RumboUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	RumboUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		User user = users.findByUsernameIgnoreCase(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		CurrentUser current = new CurrentUser(user.userId(), user.username(), user.displayName(), user.roles());
		return new RumboPrincipal(current, user.passwordHash(), user.canSignIn(), user.locale());
	}
}
