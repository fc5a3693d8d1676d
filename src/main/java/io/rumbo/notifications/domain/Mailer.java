package io.rumbo.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail outbox (decision 0026). E-mail is on when Spring Boot configured a mail sender
 * ({@code spring.mail.host} set); without one nothing is written to the outbox and nothing is sent. A row is claimed
 * by one UPDATE that moves its next attempt forward (so two instances never send it twice while both are up), then
 * sent; a failure is kept with its error and tried again after 1, 4, 9, 16 minutes; after the fifth attempt the row
 * stays FAILED for an operator to see. A crash between sending and marking the row sent may send it twice: e-mail
 * is at least once, the inbox exactly once.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	static final int MAX_ATTEMPTS = 5;

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final ObjectProvider<JavaMailSender> sender;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String from;
	private final String baseUrl;

	Mailer(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, Clock clock,
			@Value("${rumbo.notifications.mail.from:rumbo@localhost}") String from,
			@Value("${rumbo.notifications.base-url:http://localhost:8080}") String baseUrl) {
		this.sender = sender;
		this.jdbc = jdbc;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public boolean enabled() {
		return sender.getIfAvailable() != null;
	}

	String absolute(String link) {
		return baseUrl + link;
	}

	@Scheduled(initialDelayString = "${rumbo.notifications.mail.poll:PT30S}",
			fixedDelayString = "${rumbo.notifications.mail.poll:PT30S}")
	void poll() {
		if (enabled()) {
			sendDue();
		}
	}

	private record Mail(long id, String address, String subject, String body, int attempts) {
	}

	/** Sends what is due and answers how many were sent. */
	public int sendDue() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		OffsetDateTime now = now();
		List<Long> due = jdbc.sql("""
				SELECT id FROM notifications_email WHERE status = 'PENDING' AND next_attempt_at <= :now
				ORDER BY id LIMIT 100""")
			.param("now", now)
			.query(Long.class)
			.list();
		int sent = 0;
		for (long id : due) {
			if (claim(id, now)) {
				sent += send(mail, id) ? 1 : 0;
			}
		}
		return sent;
	}

	private boolean claim(long id, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE notifications_email SET attempts = attempts + 1, next_attempt_at = :lease
				WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now""")
			.param("lease", now.plus(LEASE))
			.param("id", id)
			.param("now", now)
			.update() == 1;
	}

	private boolean send(JavaMailSender mail, long id) {
		Mail m = jdbc.sql("SELECT id, address, subject, body, attempts FROM notifications_email WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.single();
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(m.address());
			message.setSubject(m.subject());
			message.setText(m.body());
			mail.send(message);
			jdbc.sql("UPDATE notifications_email SET status = 'SENT', sent_at = :now, last_error = NULL WHERE id = :id")
				.param("now", now())
				.param("id", id)
				.update();
			return true;
		}
		catch (MailException ex) {
			failed(m, ex);
			return false;
		}
	}

	private void failed(Mail m, Exception ex) {
		boolean last = m.attempts() >= MAX_ATTEMPTS;
		log.warn("E-mail {} to {} not sent (attempt {}{}): {}", m.id(), m.address(), m.attempts(),
				last ? ", the last" : "", ex.toString());
		jdbc.sql("""
				UPDATE notifications_email SET status = :status, next_attempt_at = :next, last_error = :error
				WHERE id = :id""")
			.param("status", last ? "FAILED" : "PENDING")
			.param("next", now().plus(Duration.ofMinutes((long) m.attempts() * m.attempts())))
			.param("error", cut(ex.toString()))
			.param("id", m.id())
			.update();
	}

	private static @Nullable String cut(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}
}
