package io.rumbo.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after too many failures for one user name, or from one address, within a
 * window, sign-in is refused until the window has passed. There is no permanent lockout, so an attacker
 * cannot lock a real user out for good. Attempts are kept in the database so that every instance agrees.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int maxPerUser;
	private final int maxPerAddress;
	private final Duration window;

	SignInThrottle(JdbcClient jdbc, Clock clock, @Value("${rumbo.sign-in.max-failures-per-user:5}") int maxPerUser,
			@Value("${rumbo.sign-in.max-failures-per-address:20}") int maxPerAddress,
			@Value("${rumbo.sign-in.window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxPerUser = maxPerUser;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
	}

	/** Minutes to wait before the next attempt, or 0 when an attempt is allowed now. */
	@Transactional(readOnly = true)
	public long minutesToWait(String username, String address) {
		Instant now = clock.instant();
		OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC);
		// Failures count only since the user's last success, so a user who got in starts afresh.
		List<OffsetDateTime> userFailures = jdbc.sql("""
				SELECT attempted_at FROM identity_sign_in_attempt a
				WHERE a.username = :username AND a.succeeded = FALSE AND a.attempted_at > :since
				  AND a.attempted_at > COALESCE((SELECT MAX(s.attempted_at) FROM identity_sign_in_attempt s
				                                 WHERE s.username = :username AND s.succeeded = TRUE), :since)
				ORDER BY attempted_at DESC""")
			.param("username", normalise(username))
			.param("since", since)
			.query(OffsetDateTime.class)
			.list();
		List<OffsetDateTime> addressFailures = jdbc.sql("""
				SELECT attempted_at FROM identity_sign_in_attempt
				WHERE remote_address = :address AND succeeded = FALSE AND attempted_at > :since
				ORDER BY attempted_at DESC""")
			.param("address", address)
			.param("since", since)
			.query(OffsetDateTime.class)
			.list();
		long wait = Math.max(waitFor(userFailures, maxPerUser, now), waitFor(addressFailures, maxPerAddress, now));
		return wait;
	}

	private long waitFor(List<OffsetDateTime> failuresNewestFirst, int max, Instant now) {
		if (failuresNewestFirst.size() < max) {
			return 0;
		}
		// The window reopens when the max-th newest failure falls out of it.
		Instant reopens = failuresNewestFirst.get(max - 1).toInstant().plus(window);
		long seconds = Duration.between(now, reopens).toSeconds();
		return seconds <= 0 ? 0 : (seconds + 59) / 60;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String username, String address, boolean succeeded) {
		jdbc.sql("""
				INSERT INTO identity_sign_in_attempt (username, remote_address, succeeded, attempted_at)
				VALUES (:username, :address, :succeeded, :at)""")
			.param("username", normalise(username))
			.param("address", address)
			.param("succeeded", succeeded)
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	private static String normalise(String username) {
		String trimmed = username == null ? "" : username.trim().toLowerCase();
		return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
	}
}
