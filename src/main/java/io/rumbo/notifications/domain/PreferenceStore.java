package io.rumbo.notifications.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rumbo.identity.UserId;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.notifications.NotificationViews.Preference;

/** Users' choices by kind and channel; a kind without a row has its defaults ({@link NotificationKind}). */
@Repository
public class PreferenceStore {

	private final JdbcClient jdbc;

	PreferenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every kind for one user, in the order of the kinds. */
	public List<Preference> of(UserId user) {
		Map<NotificationKind, Preference> chosen = new EnumMap<>(NotificationKind.class);
		jdbc.sql("SELECT kind, in_app, email FROM notifications_preference WHERE user_id = :user")
			.param("user", user.value())
			.query(rs -> {
				NotificationKind kind = NotificationKind.valueOf(rs.getString(1));
				chosen.put(kind, new Preference(kind, rs.getBoolean(2), rs.getBoolean(3)));
			});
		List<Preference> all = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			all.add(chosen.getOrDefault(kind, defaults(kind)));
		}
		return all;
	}

	/** What each of these users chose for a kind (one query). */
	public Map<UserId, Preference> of(Collection<UserId> users, NotificationKind kind) {
		Map<UserId, Preference> chosen = new HashMap<>();
		if (!users.isEmpty()) {
			jdbc.sql("SELECT user_id, in_app, email FROM notifications_preference WHERE kind = :kind AND user_id IN (:users)")
				.param("kind", kind.name())
				.param("users", users.stream().map(UserId::value).toList())
				.query(rs -> {
					chosen.put(new UserId(rs.getLong(1)), new Preference(kind, rs.getBoolean(2), rs.getBoolean(3)));
				});
		}
		users.forEach(u -> chosen.putIfAbsent(u, defaults(kind)));
		return chosen;
	}

	/** Saves the choices given (a kind left out keeps what it had). */
	public void save(UserId user, Collection<Preference> preferences) {
		for (Preference p : preferences) {
			int updated = jdbc.sql("UPDATE notifications_preference SET in_app = :inApp, email = :email"
					+ " WHERE user_id = :user AND kind = :kind")
				.param("inApp", p.inApp())
				.param("email", p.email())
				.param("user", user.value())
				.param("kind", p.kind().name())
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO notifications_preference (user_id, kind, in_app, email) VALUES (:user, :kind, :inApp, :email)")
					.param("inApp", p.inApp())
					.param("email", p.email())
					.param("user", user.value())
					.param("kind", p.kind().name())
					.update();
			}
		}
	}

	static Preference defaults(NotificationKind kind) {
		return new Preference(kind, kind.inAppByDefault(), kind.emailByDefault());
	}
}
