package io.rumbo.notifications.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.rumbo.notifications.NotificationKind;
import io.rumbo.shared.web.Formats;

/**
 * A notification's title and text in a language, from messages/notifications*.properties, its dates written as that
 * language writes them.
 */
@Component
public class NotificationTexts {

	/** Arguments are kept in one column, separated by a character no text contains. */
	static final String SEPARATOR = "\u001F";

	/** Marks an argument that is an amount of money, kept language-neutral ({@code ¤1234.50}) like dates. */
	static final String MONEY = "\u00A4";

	private final MessageSource messages;

	private final Formats formats;

	NotificationTexts(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	/** Marks an argument that is a measure of the metrics catalogue, named in the reader's language. */
	static final String METRIC = "\u00A7metric:";

	/** A measure's code as a stored argument, named as the metrics catalogue names it in the reader's language. */
	public static String metric(String code) {
		return METRIC + code;
	}

	/** An amount as a stored argument, written in the reader's language when the text is read. */
	public static String money(java.math.BigDecimal amount) {
		return MONEY + amount.toPlainString();
	}

	public String title(NotificationKind kind, List<String> args, Locale locale) {
		return messages.getMessage(kind.key() + ".title", localized(args, locale), locale);
	}

	public String text(NotificationKind kind, List<String> args, Locale locale) {
		return messages.getMessage(kind.key() + ".text", localized(args, locale), locale);
	}

	private Object[] localized(List<String> args, Locale locale) {
		Object[] written = localizedDates(args, locale);
		for (int i = 0; i < written.length; i++) {
			if (written[i] instanceof String a && a.startsWith(METRIC)) {
				String code = a.substring(METRIC.length());
				written[i] = messages.getMessage("metrics.metric." + code, null, code, locale);
			}
			else if (written[i] instanceof String a && a.startsWith(MONEY)) {
				try {
					written[i] = formats.money(new java.math.BigDecimal(a.substring(MONEY.length())), locale);
				}
				catch (NumberFormatException ex) {
					// Not an amount after all: shown as it is.
				}
			}
		}
		return written;
	}

	/** An argument that is a whole ISO date ({@code 2031-04-30}), as {@code String.valueOf(LocalDate)} stored it. */
	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/**
	 * The arguments as the reader reads them: dates are stored language-neutral (ISO) and written here the way the
	 * pages write them in the reader's language ({@link Formats#date(LocalDate, Locale)}: 30 abr 2031, Apr 30, 2031).
	 */
	static Object[] localizedDates(List<String> args, Locale locale) {
		return args.stream().map(a -> {
			if (ISO_DATE.matcher(a).matches()) {
				try {
					return Formats.date(LocalDate.parse(a), locale);
				}
				catch (DateTimeParseException ex) {
					// Looks like a date and is not one (a title such as 2031-13-45): shown as it is.
				}
			}
			return a;
		}).toArray();
	}

	/** What the {@code args} column holds (V55); {@link #join} keeps within it. */
	static final int MAX_ARGS = 2_000;

	/**
	 * The arguments as stored. Arguments are short texts (names, titles, dates, counts); should they not fit in
	 * {@link #MAX_ARGS} characters together, the longest is shortened, ending in "…", rather than the delivery failing
	 * and with it the job or listener that sends it.
	 */
	static String join(List<String> args) {
		List<String> clean = new java.util.ArrayList<>(args.stream().map(a -> a.replace(SEPARATOR, " ")).toList());
		String joined = String.join(SEPARATOR, clean);
		while (joined.length() > MAX_ARGS) {
			int longest = 0;
			for (int i = 1; i < clean.size(); i++) {
				longest = clean.get(i).length() > clean.get(longest).length() ? i : longest;
			}
			String arg = clean.get(longest);
			if (arg.length() <= 1) {
				break;
			}
			int keep = Math.max(0, arg.length() - (joined.length() - MAX_ARGS) - 1);
			clean.set(longest, arg.substring(0, keep) + "…");
			joined = String.join(SEPARATOR, clean);
		}
		return joined;
	}

	public static List<String> split(String args) {
		return args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1));
	}

	/** The recipient's saved language, English when they chose none (as the pages do). */
	static Locale locale(String tag) {
		return tag != null && tag.startsWith("es") ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}
}
