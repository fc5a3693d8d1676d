package io.rumbo.notifications.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.rumbo.identity.UserId;
import io.rumbo.notifications.NotificationKind;

/**
 * One thing to tell: {@code eventKey} names the event it comes from (with the kind, unique across events:
 * {@code award:42}), so that a re-delivered event finds its notifications already there; {@code args} are the facts
 * the kind's text shows ({0}, {1}...), {@code link} the path of the record.
 */
public record Delivery(String eventKey, NotificationKind kind, Set<UserId> recipients, List<String> args,
		@Nullable String link) {

	public Delivery {
		recipients = Set.copyOf(recipients);
		args = List.copyOf(args);
	}

	public static Delivery of(String eventKey, NotificationKind kind, Collection<UserId> recipients,
			@Nullable String link, Object... args) {
		return new Delivery(eventKey, kind, Set.copyOf(recipients),
				java.util.Arrays.stream(args).map(String::valueOf).toList(), link);
	}
}
