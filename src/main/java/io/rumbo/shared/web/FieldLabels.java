package io.rumbo.shared.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label a person reads for a field of a form or a request, in their language: {@code customerId} is "Customer",
 * {@code lines[2].quantity} is "Lines 3 › Quantity". Labels live in the bundles as {@code shared.field.<name>}, one
 * per field name across the application, so that an error never shows the internal name; a name without a label
 * (a new field someone forgot) is at least spelled as words, never as {@code camelCaseId}.
 */
@Component
public class FieldLabels {

	private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

	private final MessageSource messages;

	FieldLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String label(String field) {
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder label = new StringBuilder();
		Matcher segment = SEGMENT.matcher(field);
		while (segment.find()) {
			if (!label.isEmpty()) {
				label.append(" › ");
			}
			String name = segment.group(1);
			// One element of a list has its own noun when the bundle gives one ("Line 2" rather than "Lines 2").
			String text = segment.group(2) == null ? null
					: messages.getMessage("shared.field." + name + ".item", null, null, locale);
			if (text == null) {
				text = messages.getMessage("shared.field." + name, null, null, locale);
			}
			if (text == null) {
				text = words(name);
			}
			// Rows are numbered from 1 for people, as the import errors number them.
			label.append(segment.group(2) == null ? text
					: messages.getMessage("shared.field.row", new Object[] { text, Integer.parseInt(segment.group(2)) + 1 },
							locale));
		}
		return label.isEmpty() ? field : label.toString();
	}

	/** The label followed by the message, as the human text of a field error. */
	public String error(String field, String message) {
		return messages.getMessage("shared.field.error", new Object[] { label(field), message },
				LocaleContextHolder.getLocale());
	}

	/** {@code assigneeStaffId} as "Assignee staff": a fallback only, the bundles should name every field. */
	static String words(String name) {
		String bare = name.endsWith("Id") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
		String spaced = bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}
}
