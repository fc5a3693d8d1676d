package io.rumbo.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository writes a session's last access (an {@code UPDATE} of its row, in a transaction of
 * its own) at the end of every request. This one records it only when the stored time is at least
 * {@link #GRANULARITY} old, so a user clicking through pages writes the row about once a minute instead of once a
 * page. The cost is a bounded coarsening of idle expiry: the stored last access lags by less than the granularity, so
 * a session idle for the timeout (30 minutes by default) expires between one granularity before it and the timeout
 * itself, never later. Everything else is the JDBC repository's: reads, attribute writes, deletion by principal name
 * ({@code identity.SignIns} deletes the rows of a user whose grants change, effective on the next request).
 */
final class CoarseLastAccessSessions implements FindByIndexNameSessionRepository<CoarseLastAccessSessions.Coarse> {

	static final Duration GRANULARITY = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> delegate;

	@SuppressWarnings("unchecked")
	CoarseLastAccessSessions(FindByIndexNameSessionRepository<? extends Session> delegate) {
		this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
	}

	/** Wraps Spring Session's JDBC repository (bean {@code sessionRepository}) as it is created. */
	static BeanPostProcessor wrapping() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof org.springframework.session.jdbc.JdbcIndexedSessionRepository jdbc
						? new CoarseLastAccessSessions(jdbc) : bean;
			}
		};
	}

	@Override
	public Coarse createSession() {
		return new Coarse(delegate.createSession());
	}

	@Override
	public void save(Coarse session) {
		delegate.save(session.session);
	}

	@Override
	public @Nullable Coarse findById(String id) {
		Session session = delegate.findById(id);
		return session == null ? null : new Coarse(session);
	}

	@Override
	public void deleteById(String id) {
		delegate.deleteById(id);
	}

	@Override
	public Map<String, Coarse> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Coarse> found = new LinkedHashMap<>();
		delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Coarse(session)));
		return found;
	}

	/** A session whose last access moves only by steps of at least {@link #GRANULARITY}. */
	static final class Coarse implements Session {

		private final Session session;

		Coarse(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(GRANULARITY) >= 0) {
				session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			return session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}
}
