package io.rumbo.notifications.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.rumbo.identity.CurrentUser;
import io.rumbo.notifications.Inbox;
import io.rumbo.notifications.NotificationPreferences;
import io.rumbo.notifications.NotificationViews.NotificationView;
import io.rumbo.notifications.NotificationViews.Preference;
import io.rumbo.notifications.NotificationViews.Unread;
import io.rumbo.shared.web.ListRequest;
import io.rumbo.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's own inbox and notification preferences")
class NotificationRestController {

	private final Inbox inbox;
	private final NotificationPreferences preferences;

	NotificationRestController(Inbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first, in the request's language; unread=true: unread only")
	PageResponse<NotificationView> list(CurrentUser user, @RequestParam(required = false) @Nullable Boolean unread,
			ListRequest list) {
		return inbox.list(user, Boolean.TRUE.equals(unread), list.query(Inbox.SORTS, "createdAt,desc", 25),
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	Unread unread(CurrentUser user) {
		return new Unread(inbox.unread(user));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's notifications (another user's: 404)")
	NotificationView get(CurrentUser user, @PathVariable long id) {
		return inbox.get(user, id, LocaleContextHolder.getLocale());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Marks one of the caller's notifications read (again: no change)")
	NotificationView read(CurrentUser user, @PathVariable long id) {
		return inbox.markRead(user, id, LocaleContextHolder.getLocale());
	}

	@PostMapping("/read")
	@Operation(summary = "Marks every unread notification of the caller read; answers how many are left unread (0)")
	Unread readAll(CurrentUser user) {
		inbox.markAllRead(user);
		return new Unread(inbox.unread(user));
	}

	@GetMapping("/preferences")
	@Operation(summary = "The caller's choice of channels for every kind (defaults where they chose nothing)")
	List<Preference> preferences(CurrentUser user) {
		return preferences.of(user);
	}

	@PutMapping("/preferences")
	@Operation(summary = "Saves the caller's choices for the kinds given (kinds left out keep theirs)")
	List<Preference> save(CurrentUser user, @RequestBody List<Preference> chosen) {
		return preferences.save(user, chosen);
	}
}
