package io.rumbo.identity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.rumbo.identity.domain.ApiTokenRepository;
import io.rumbo.identity.domain.User;

/**
 * Ends a user's sign-ins when what they were granted changes (roles, disabled, archived, password): their page
 * sessions (Spring Session keeps them in {@code spring_session}, indexed by user name) are deleted and their API tokens
 * revoked, in the transaction of the change, so a session or token opened before it stops working at once. When
 * users change their own account, the session or token they are using is kept.
 */
@Component
public class SignIns {

	/** The request attribute holding the personal access token the request was authenticated with. */
	public static final String TOKEN_ATTRIBUTE = SignIns.class.getName() + ".token";

	private final JdbcClient jdbc;
	private final ApiTokenRepository tokens;
	private final Clock clock;

	SignIns(JdbcClient jdbc, ApiTokenRepository tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Call inside the transaction of the change. {@code keepCurrent}: the change is the user's own. */
	void endAll(User user, boolean keepCurrent) {
		String keepSession = keepCurrent ? currentSessionId() : null;
		String keepToken = keepCurrent ? currentTokenHash() : null;
		jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name"
				+ (keepSession == null ? "" : " AND session_id <> :keep"))
			.param("name", user.username())
			.params(keepSession == null ? java.util.Map.of() : java.util.Map.of("keep", keepSession))
			.update();
		Instant now = clock.instant();
		tokens.findByUserIdOrderByCreatedAtDesc(user.userId().value())
			.stream()
			.filter(token -> token.usableAt(now) && (keepToken == null || !token.hasHash(keepToken)))
			.forEach(token -> token.revoke(now));
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static @Nullable String currentSessionId() {
		HttpServletRequest request = currentRequest();
		HttpSession session = request == null ? null : request.getSession(false);
		return session == null ? null : session.getId();
	}

	private static @Nullable String currentTokenHash() {
		HttpServletRequest request = currentRequest();
		return request != null && request.getAttribute(TOKEN_ATTRIBUTE) instanceof String token ? AccessTokens.hash(token)
				: null;
	}
}
