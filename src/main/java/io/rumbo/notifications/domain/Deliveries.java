package io.rumbo.notifications.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.notifications.NotificationViews.Preference;

/**
 * Delivers a {@link Delivery} to each recipient on the channels they want: a row in the inbox and, when e-mail is
 * configured and the user has an address, a message in the outbox sent after the transaction commits. Both are
 * unique by event key and recipient, so delivering the same event again (a re-run publication, a job run twice)
 * adds nothing. Disabled and archived accounts are told nothing.
 */
@Component
public class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final JdbcClient jdbc;
	private final PreferenceStore preferences;
	private final UserManagement users;
	private final NotificationTexts texts;
	private final Mailer mailer;
	private final Clock clock;

	Deliveries(JdbcClient jdbc, PreferenceStore preferences, UserManagement users, NotificationTexts texts,
			Mailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.users = users;
		this.texts = texts;
		this.mailer = mailer;
		this.clock = clock;
	}

	/** Delivers and answers how many notifications and e-mails were added (zero when all were there already). */
	@Transactional
	public int deliver(Delivery delivery) {
		if (delivery.recipients().isEmpty()) {
			return 0;
		}
		Map<UserId, Preference> chosen = preferences.of(delivery.recipients(), delivery.kind());
		Map<Long, UserView> accounts = users.byIds(delivery.recipients().stream().map(UserId::value).toList());
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		String args = NotificationTexts.join(delivery.args());
		int added = 0;
		int mails = 0;
		for (UserId recipient : delivery.recipients()) {
			UserView account = accounts.get(recipient.value());
			if (account == null || !account.enabled() || account.archived()) {
				continue;
			}
			Preference preference = chosen.get(recipient);
			if (preference.inApp()) {
				added += jdbc.sql("""
						INSERT INTO notifications_notification (event_key, recipient_id, kind, args, link, created_at)
						SELECT :key, :recipient, :kind, :args, :link, :now
						WHERE NOT EXISTS (SELECT 1 FROM notifications_notification
						                  WHERE event_key = :key AND recipient_id = :recipient)""")
					.param("key", delivery.eventKey())
					.param("recipient", recipient.value())
					.param("kind", delivery.kind().name())
					.param("args", args)
					.param("link", delivery.link())
					.param("now", now)
					.update();
			}
			if (preference.email() && mailer.enabled() && account.email() != null && !account.email().isBlank()) {
				Locale locale = NotificationTexts.locale(account.locale());
				String subject = texts.title(delivery.kind(), delivery.args(), locale);
				String body = texts.text(delivery.kind(), delivery.args(), locale)
						+ (delivery.link() == null ? "" : "\n\n" + mailer.absolute(delivery.link()));
				int mail = jdbc.sql("""
						INSERT INTO notifications_email (event_key, recipient_id, address, subject, body, status, attempts,
						                                 next_attempt_at, created_at)
						SELECT :key, :recipient, :address, :subject, :body, 'PENDING', 0, :now, :now
						WHERE NOT EXISTS (SELECT 1 FROM notifications_email WHERE event_key = :key AND recipient_id = :recipient)""")
					.param("key", delivery.eventKey())
					.param("recipient", recipient.value())
					.param("address", account.email())
					.param("subject", cut(subject, 300))
					.param("body", cut(body, 4000))
					.param("now", now)
					.update();
				mails += mail;
				added += mail;
			}
		}
		if (mails > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			// Sent once the rows are committed, on this (the listener's or job's) thread: never in the transaction of
			// the change that caused them. What fails here is retried by the outbox poller.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						mailer.sendDue();
					}
					catch (RuntimeException ex) {
						log.warn("E-mail not sent now, the outbox retries: {}", ex.toString());
					}
				}
			});
		}
		return added;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
