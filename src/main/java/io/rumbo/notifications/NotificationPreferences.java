package io.rumbo.notifications;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.notifications.NotificationViews.Preference;
import io.rumbo.notifications.domain.Mailer;
import io.rumbo.notifications.domain.PreferenceStore;

/** What each user wants to be told, by kind and channel; every user edits their own only. */
@Service
public class NotificationPreferences {

	private final PreferenceStore store;
	private final Mailer mailer;

	NotificationPreferences(PreferenceStore store, Mailer mailer) {
		this.store = store;
		this.mailer = mailer;
	}

	/**
	 * Every kind the user's roles can receive ({@link NotificationKind#reaches}), with their choice or the kind's
	 * default: a salesperson is not offered the alerts about a team they do not have.
	 */
	@Transactional(readOnly = true)
	public List<Preference> of(CurrentUser user) {
		return store.of(user.id()).stream().filter(p -> p.kind().reaches(user.roles())).toList();
	}

	/** Saves the user's choices for the kinds offered to them (any other kind is ignored). */
	@Transactional
	public List<Preference> save(CurrentUser user, Collection<Preference> preferences) {
		store.save(user.id(), preferences.stream().filter(p -> p.kind().reaches(user.roles())).toList());
		return of(user);
	}

	/** Whether e-mail is configured at all (without it, the e-mail column changes nothing yet). */
	public boolean emailAvailable() {
		return mailer.enabled();
	}
}
