package io.rumbo.identity.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins recently; says how long to wait. */
public class SignInThrottledException extends AuthenticationException {

	private final long minutes;

	SignInThrottledException(long minutes) {
		super("Too many failed sign-ins; try again in " + minutes + " minutes");
		this.minutes = minutes;
	}

	public long minutes() {
		return minutes;
	}
}
