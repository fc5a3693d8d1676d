package io.rumbo.identity.security;

import org.springframework.security.core.AuthenticationException;

/** A password sign-in through the API failed; answers 401 (or 429 when throttled) as a problem detail. */
public class SignInRefusedException extends RuntimeException {

	private final long minutesToWait;

	public SignInRefusedException(AuthenticationException cause) {
		super(cause.getMessage(), cause);
		this.minutesToWait = cause instanceof SignInThrottledException throttled ? throttled.minutes() : 0;
	}

	public boolean throttled() {
		return minutesToWait > 0;
	}

	public long minutesToWait() {
		return minutesToWait;
	}
}
