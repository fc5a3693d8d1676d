package io.rumbo.notifications.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rumbo.identity.CurrentUser;
import io.rumbo.notifications.Inbox;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.notifications.NotificationPreferences;
import io.rumbo.notifications.NotificationViews.NotificationView;
import io.rumbo.notifications.NotificationViews.Preference;
import io.rumbo.shared.web.ListPages;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.ListRequest;

/**
 * The inbox ({@code /notifications}: newest first, unread filter, paging; open one to read it and follow its link;
 * read all), the header's unread badge (loaded by htmx after the page, so it never slows a page down) and the
 * preferences page.
 */
@Controller
class InboxPageController {

	/** The inbox's filter: {@code unread=true} shows the unread ones only. */
	record InboxFilter(@Nullable Boolean unread) {

		public boolean unreadOnly() {
			return Boolean.TRUE.equals(unread);
		}
	}

	private final Inbox inbox;
	private final NotificationPreferences preferences;

	InboxPageController(Inbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
		this.preferences = preferences;
	}

	@GetMapping("/notifications")
	String list(CurrentUser user, InboxFilter filter, ListRequest list, HttpServletRequest request, Model model) {
		ListQuery query = list.query(Inbox.SORTS, "createdAt,desc", 25);
		model.addAttribute("unreadCount", inbox.unread(user));
		return ListPages.render(request, model, "notifications/inbox", filter, query,
				inbox.list(user, filter.unreadOnly(), query, LocaleContextHolder.getLocale()));
	}

	/** The header's badge: the count of unread notifications (empty when none). */
	@GetMapping("/notifications/badge")
	String badge(CurrentUser user, Model model) {
		model.addAttribute("unreadCount", inbox.unread(user));
		return "notifications/inbox :: badge";
	}

	/**
	 * Opening a notification reads it and goes to its record ({@code stay}: back to the inbox; so too when it has no
	 * record). Links are paths this module wrote, never taken from the request.
	 */
	@PostMapping("/notifications/{id}/read")
	String read(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean stay) {
		NotificationView read = inbox.markRead(user, id, LocaleContextHolder.getLocale());
		return "redirect:" + (stay || read.link() == null ? "/notifications" : read.link());
	}

	@PostMapping("/notifications/read-all")
	String readAll(CurrentUser user, RedirectAttributes flash) {
		int read = inbox.markAllRead(user);
		flash.addFlashAttribute("flash", "notifications.inbox.allRead");
		flash.addFlashAttribute("flashArgs", new Object[] { read });
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/preferences")
	String preferences(CurrentUser user, Model model) {
		model.addAttribute("preferences", preferences.of(user));
		model.addAttribute("emailAvailable", preferences.emailAvailable());
		return "notifications/preferences";
	}

	/** The form sends {@code inApp} and {@code email} with the kinds ticked; a kind not ticked is off. */
	@PostMapping("/notifications/preferences")
	String savePreferences(CurrentUser user, @RequestParam(name = "inApp", required = false) @Nullable List<String> inApp,
			@RequestParam(name = "email", required = false) @Nullable List<String> email, RedirectAttributes flash) {
		List<Preference> chosen = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			chosen.add(new Preference(kind, inApp != null && inApp.contains(kind.name()),
					email != null && email.contains(kind.name())));
		}
		preferences.save(user, chosen);
		flash.addFlashAttribute("flash", "notifications.preferences.saved");
		return "redirect:/notifications/preferences";
	}
}
