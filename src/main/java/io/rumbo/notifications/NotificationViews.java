package io.rumbo.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the inbox and the preferences page show. */
public final class NotificationViews {

	private NotificationViews() {
	}

	/**
	 * One notification in the reader's language: {@code title} and {@code text} rendered from its kind and facts,
	 * {@code link} the record it is about (a path of this application), {@code readAt} empty while unread.
	 */
	@Schema(name = "NotificationsNotification")
	public record NotificationView(long id, NotificationKind kind, String title, String text, @Nullable String link,
			Instant createdAt, @Nullable Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}
	}

	/** A user's choice for a kind: in the inbox, by e-mail (neither: not told at all). */
	@Schema(name = "NotificationsPreference")
	public record Preference(NotificationKind kind, boolean inApp, boolean email) {
	}

	/** The number of unread notifications, for the header. */
	@Schema(name = "NotificationsUnread")
	public record Unread(long count) {
	}
}
