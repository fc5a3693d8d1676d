package io.rumbo.identity.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.rumbo.identity.AuditTrail;

/**
 * Password sign-in for pages and for token creation alike: checks the throttle first, then the password,
 * and records the outcome both for throttling and in the audit trail.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;
	private final SignInThrottle throttle;
	private final AuditTrail audit;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle, AuditTrail audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? "" : authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		long wait = throttle.minutesToWait(username, address);
		if (wait > 0) {
			audit.recordSignIn(username, false, address, "throttled");
			throw new SignInThrottledException(wait);
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.record(username, address, true);
			audit.recordSignIn(username, true, address, null);
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.record(username, address, false);
			audit.recordSignIn(username, false, address, ex.getClass().getSimpleName());
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
