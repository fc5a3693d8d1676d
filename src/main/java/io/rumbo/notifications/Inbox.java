package io.rumbo.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.notifications.NotificationViews.NotificationView;
import io.rumbo.notifications.domain.NotificationTexts;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * A user's inbox: their own notifications only (another's answers 404, whatever the role), newest first, in the
 * reader's language; read one, read all. The unread count is one count over an index, cheap enough for every page.
 */
@Service
public class Inbox {

	public static final Map<String, String> SORTS = Map.of("createdAt", "n.created_at");

	private final JdbcClient jdbc;
	private final NotificationTexts texts;
	private final Clock clock;

	Inbox(JdbcClient jdbc, NotificationTexts texts, Clock clock) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<NotificationView> list(CurrentUser reader, boolean unreadOnly, ListQuery query, Locale locale) {
		Map<String, Object> params = new HashMap<>();
		params.put("user", reader.id().value());
		String where = " WHERE n.recipient_id = :user" + (unreadOnly ? " AND n.read_at IS NULL" : "");
		long total = jdbc.sql("SELECT COUNT(*) FROM notifications_notification n" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<NotificationView> rows = jdbc.sql("SELECT n.* FROM notifications_notification n" + where
				+ query.orderBy("n.id DESC") + query.limit())
			.params(params)
			.query((rs, n) -> view(rs, locale))
			.list();
		return PageResponse.of(rows, query, total);
	}

	@Transactional(readOnly = true)
	public NotificationView get(CurrentUser reader, long id, Locale locale) {
		return jdbc.sql("SELECT n.* FROM notifications_notification n WHERE n.id = :id AND n.recipient_id = :user")
			.param("id", id)
			.param("user", reader.id().value())
			.query((rs, n) -> view(rs, locale))
			.optional()
			.orElseThrow(() -> new NotFoundException("notification", id));
	}

	@Transactional(readOnly = true)
	public long unread(CurrentUser reader) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications_notification WHERE recipient_id = :user AND read_at IS NULL")
			.param("user", reader.id().value())
			.query(Long.class)
			.single();
	}

	/** Marks one read (reading it again changes nothing) and answers it. */
	@Transactional
	public NotificationView markRead(CurrentUser reader, long id, Locale locale) {
		get(reader, id, locale);
		jdbc.sql("UPDATE notifications_notification SET read_at = :now"
				+ " WHERE id = :id AND recipient_id = :user AND read_at IS NULL")
			.param("now", now())
			.param("id", id)
			.param("user", reader.id().value())
			.update();
		return get(reader, id, locale);
	}

	/** Marks every unread one read; answers how many. */
	@Transactional
	public int markAllRead(CurrentUser reader) {
		return jdbc.sql("UPDATE notifications_notification SET read_at = :now WHERE recipient_id = :user AND read_at IS NULL")
			.param("now", now())
			.param("user", reader.id().value())
			.update();
	}

	private NotificationView view(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
		NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
		List<String> args = NotificationTexts.split(rs.getString("args"));
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		return new NotificationView(rs.getLong("id"), kind, texts.title(kind, args, locale),
				texts.text(kind, args, locale), rs.getString("link"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
	}
}
