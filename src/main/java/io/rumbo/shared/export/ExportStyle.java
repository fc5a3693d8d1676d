package io.rumbo.shared.export;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Who an export is written for. A program (the API, {@code /api/v1/...}): the import's column names and raw values
 * (enum names, {@code true}/{@code false}, numbers with a dot, ISO dates and times), so that a file exported, edited
 * and imported again round-trips. A person (the pages' "download" links): column labels and listed values in their
 * language, numbers with the decimal separator of their locale, and the CSV field separator their spreadsheet
 * expects: a semicolon where the decimal separator is a comma (Spanish Excel), else a comma. Both may choose the
 * separator with {@code ?separator=comma|semicolon|tab}.
 */
public record ExportStyle(boolean forPeople, Locale locale, char separator, @Nullable MessageSource messages) {

	/** A program's export with commas, for callers outside a request. */
	public static final ExportStyle API = new ExportStyle(false, Locale.ROOT, ',', null);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A value from a fixed list: written as its name for programs and as its label for people. */
	public record Label(String key, String raw) {
	}

	/** A person's export in their locale, with the separator their spreadsheet expects unless one is given. */
	public static ExportStyle forPeople(MessageSource messages, Locale locale, @Nullable Character separator) {
		return new ExportStyle(true, locale, separator != null ? separator : separatorFor(locale), messages);
	}

	/** The separator a spreadsheet in this locale splits CSV on: ';' where numbers use a decimal comma. */
	public static char separatorFor(Locale locale) {
		return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
	}

	/**
	 * The style of the request being answered: a program's for {@code /api/} addresses, a person's otherwise (in the
	 * request's language), with the separator of {@code ?separator=} when given.
	 */
	public static ExportStyle current() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return API;
		}
		var request = attributes.getRequest();
		Character separator = separator(request.getParameter("separator"));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return separator == null ? API : new ExportStyle(false, Locale.ROOT, separator, null);
		}
		var context = RequestContextUtils.findWebApplicationContext(request);
		if (context == null) {
			throw new IllegalStateException("No application context for " + request.getRequestURI());
		}
		return forPeople(context.getBean(MessageSource.class), LocaleContextHolder.getLocale(), separator);
	}

	/** {@code comma}, {@code semicolon} or {@code tab} (also the characters themselves); null when not given. */
	static @Nullable Character separator(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "comma", "," -> ',';
			case "semicolon", ";" -> ';';
			case "tab", "\t" -> '\t';
			default -> throw ValidationFailedException.of("separator", "shared.validation.separator", name);
		};
	}

	/** The column's heading: its name for programs, {@code shared.export.column.<name>} for people. */
	public String header(String column) {
		return forPeople ? message("shared.export.column." + column) : column;
	}

	/** A CSV cell: text as it should read in the file (numbers and dates are never taken for formulas). */
	Object csv(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Label label) {
			return TableWriter.neutralise(forPeople ? message(label.key()) : label.raw());
		}
		if (value instanceof Boolean bool) {
			return forPeople ? message(bool ? "shared.export.yes" : "shared.export.no") : bool.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return number(decimal.stripTrailingZeros().scale() < 0 ? decimal.setScale(0) : decimal.stripTrailingZeros());
		}
		if (value instanceof Double || value instanceof Float) {
			return number(BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros());
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		if (value instanceof Instant instant) {
			return forPeople ? TIME.format(instant.atOffset(ZoneOffset.UTC)) : instant.toString();
		}
		if (value instanceof java.time.temporal.TemporalAccessor) {
			return value.toString();
		}
		return TableWriter.neutralise(value.toString());
	}

	/** An XLSX cell: numbers, dates and booleans stay typed; labels become text. */
	Object xlsx(Object value) {
		if (value instanceof Label label) {
			return forPeople ? message(label.key()) : label.raw();
		}
		if (value instanceof Boolean bool && forPeople) {
			return message(bool ? "shared.export.yes" : "shared.export.no");
		}
		return value;
	}

	private String number(BigDecimal value) {
		String plain = value.toPlainString();
		if (!forPeople) {
			return plain;
		}
		char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
		// A decimal comma inside comma-separated fields would only be quoted; keep the dot then.
		return decimal == separator ? plain : plain.replace('.', decimal);
	}

	private String message(String key) {
		if (messages == null) {
			throw new IllegalStateException("A person's export needs the message bundles");
		}
		return messages.getMessage(key, null, locale);
	}
}
