package io.rumbo.notifications.domain;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.rumbo.notifications.NotificationKind;

/** A notification's title and text in a language, from messages/notifications*.properties. */
@Component
public class NotificationTexts {

	/** Arguments are kept in one column, separated by a character no text contains. */
	static final String SEPARATOR = "\u001F";

	private final MessageSource messages;

	NotificationTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String title(NotificationKind kind, List<String> args, Locale locale) {
		return messages.getMessage(kind.key() + ".title", args.toArray(), locale);
	}

	public String text(NotificationKind kind, List<String> args, Locale locale) {
		return messages.getMessage(kind.key() + ".text", args.toArray(), locale);
	}

	static String join(List<String> args) {
		return String.join(SEPARATOR, args.stream().map(a -> a.replace(SEPARATOR, " ")).toList());
	}

	public static List<String> split(String args) {
		return args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1));
	}

	/** The recipient's saved language, English when they chose none (as the pages do). */
	static Locale locale(String tag) {
		return tag != null && tag.startsWith("es") ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}
}
