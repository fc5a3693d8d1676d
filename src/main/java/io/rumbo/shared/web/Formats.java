package io.rumbo.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place where pages write dates, times and numbers in the reader's language (templates call
 * {@code ${@fmt.money(x)}}) and read numbers typed in it ({@link #parse}). Money always has its currency and two
 * decimals; quantities and counts have as many decimals as they need, at most two; percentages one. Charts use the
 * same rules in {@code js/numbers.js}, with the page's language.
 */
@Component("fmt")
public class Formats {

	private final java.util.Currency currency;

	/** See {@link #format}. */
	private final ThreadLocal<Map<String, NumberFormat>> formats = ThreadLocal.withInitial(HashMap::new);

	Formats(@org.springframework.beans.factory.annotation.Value("${rumbo.currency:EUR}") String currency) {
		this.currency = java.util.Currency.getInstance(currency);
	}

	/** An amount in the company's currency, written the way the reader's language writes money, to the cent. */
	public String money(@Nullable Number amount) {
		if (amount == null) {
			return "";
		}
		return format("money", locale(), l -> {
			NumberFormat format = NumberFormat.getCurrencyInstance(l);
			format.setCurrency(currency);
			format.setMinimumFractionDigits(2);
			format.setMaximumFractionDigits(2);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format;
		}).format(amount);
	}

	/**
	 * An amount as {@link #money(Number)} writes it, in a language given rather than the request's: for texts written
	 * for someone else, such as an e-mail in its recipient's language.
	 */
	public String money(@Nullable Number amount, Locale language) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(LocaleSupport.supported(language));
		format.setCurrency(currency);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount);
	}

	/** A count, quantity or average: grouped, with the decimals it has up to two ({@code 1,234.5}). */
	public String number(@Nullable Number number) {
		if (number == null) {
			return "";
		}
		return format("number", locale(), l -> {
			NumberFormat format = NumberFormat.getNumberInstance(l);
			format.setMaximumFractionDigits(2);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format;
		}).format(number);
	}

	/** A figure with exactly {@code decimals} decimals and no currency: the cells of a grid, where columns align. */
	public String decimal(@Nullable Number number, int decimals) {
		if (number == null) {
			return "";
		}
		return format("decimal" + decimals, locale(), l -> {
			NumberFormat format = NumberFormat.getNumberInstance(l);
			format.setMinimumFractionDigits(decimals);
			format.setMaximumFractionDigits(decimals);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format;
		}).format(number);
	}

	/** A percentage given in percent ({@code 12.5} is 12.5 %), with one decimal, as the language writes it. */
	public String percent(@Nullable Number percent) {
		if (percent == null) {
			return "";
		}
		return format("percent", locale(), l -> {
			NumberFormat format = NumberFormat.getPercentInstance(l);
			format.setMinimumFractionDigits(0);
			format.setMaximumFractionDigits(1);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format;
		}).format(new BigDecimal(percent.toString()).movePointLeft(2));
	}

	/**
	 * Whether two amounts differ once written with {@code decimals} decimals: a difference smaller than what the page
	 * shows is rounding, not news.
	 */
	public boolean differs(@Nullable BigDecimal difference, int decimals) {
		return difference != null && difference.setScale(decimals, RoundingMode.HALF_UP).signum() != 0;
	}

	/**
	 * A number typed the way the reader's language writes it: {@code 12.000,50} in Spanish, {@code 12,000.50} in
	 * English; grouping is optional but, when present, must be in groups of three, so that {@code 12.000,50} typed in
	 * English (or {@code 12,5} in English) is refused instead of read as something else. Empty or malformed text is
	 * {@code null}.
	 */
	public @Nullable BigDecimal parse(@Nullable String text) {
		return parse(text, locale());
	}

	/**
	 * A number typed in a page form's field, the way the reader's language writes it ({@link #parse}): blank is
	 * {@code null}; anything that is not such a number is a validation error naming the field, so the form shows the
	 * field's label and an example in the reader's format instead of a bare 400 page.
	 */
	public @Nullable BigDecimal parseField(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal value = parse(text);
		if (value == null) {
			throw io.rumbo.shared.domain.ValidationFailedException.of(field, "shared.number.invalid", text.strip(),
					decimal(new BigDecimal("12000.50"), 2));
		}
		return value;
	}

	/** As {@link #parseField}, for a field that must be filled: blank is an error too. */
	public BigDecimal parseRequired(String field, @Nullable String text) {
		BigDecimal value = parseField(field, text);
		if (value == null) {
			throw io.rumbo.shared.domain.ValidationFailedException.of(field, "shared.number.required",
					decimal(new BigDecimal("12000.50"), 2));
		}
		return value;
	}

	/**
	 * A number as a form's input shows it for editing: as the reader's language writes it, grouped, without currency,
	 * with the decimals it has (none for a whole number, otherwise two to four), so that {@link #parse} reads back
	 * exactly what the input shows ({@code 12000.5} is {@code 12.000,50} in Spanish, {@code 12,000.50} in English).
	 */
	public String input(@Nullable Number number) {
		return input(number, locale());
	}

	static String input(@Nullable Number number, Locale locale) {
		if (number == null) {
			return "";
		}
		BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
		int decimals = Math.min(4, Math.max(0, value.stripTrailingZeros().scale()));
		if (decimals == 1) {
			decimals = 2;
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleSupport.supported(locale));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/** A number the way programs write it, {@code -1234.5}: see {@link #parseInput}. */
	private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

	/**
	 * A number sent by a page form: typed the way the reader's language writes it ({@link #parse}), or else written
	 * the way programs write it ({@code 1500.00}), as a page's hidden field, a link or a script sends a value it did
	 * not format. The language's reading comes first, so {@code 1.500} is fifteen hundred in Spanish; a plain number
	 * that reads as something else in the language (only {@code 1.500}-like values with three decimals do) is read
	 * the language's way, which is what a person typing it means.
	 */
	static @Nullable BigDecimal parseInput(@Nullable String text, Locale locale) {
		if (text == null) {
			return null;
		}
		BigDecimal value = parse(text, locale);
		if (value == null && PLAIN.matcher(text.strip()).matches()) {
			value = new BigDecimal(text.strip());
		}
		return value;
	}

	static @Nullable BigDecimal parse(@Nullable String text, Locale locale) {
		if (text == null) {
			return null;
		}
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
		String grouping = Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
		String decimal = Pattern.quote(String.valueOf(symbols.getDecimalSeparator()));
		// Spaces (and the no-break spaces some languages group with) are never part of the number.
		String bare = text.strip().replaceAll("[\\s\\u00A0\\u202F]", "");
		if (symbols.getGroupingSeparator() == '\u00A0' || symbols.getGroupingSeparator() == '\u202F') {
			grouping = "(?!)";
		}
		Pattern shape = Pattern.compile("-?(\\d+|\\d{1,3}(" + grouping + "\\d{3})+)(" + decimal + "\\d+)?");
		if (!shape.matcher(bare).matches()) {
			return null;
		}
		String plain = bare.replaceAll(grouping, "").replace(symbols.getDecimalSeparator(), '.');
		return new BigDecimal(plain);
	}

	public String date(@Nullable LocalDate date) {
		return date(date, locale());
	}

	/** The date formats of the supported languages, for {@link #date(LocalDate, Locale)}. */
	private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

	/**
	 * A date as {@link #date(LocalDate)} writes it, in a language given rather than the request's: for texts written
	 * for someone else, such as an e-mail in its recipient's language.
	 */
	public static String date(@Nullable LocalDate date, Locale language) {
		return date == null ? "" : DATES.computeIfAbsent(LocaleSupport.supported(language),
				l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l)).format(date);
	}

	/** A month as people name it: "March 2057", "marzo de 2057" (the month of the date given). */
	public String month(@Nullable LocalDate date) {
		if (date == null) {
			return "";
		}
		Locale language = LocaleSupport.supported(locale());
		String pattern = language.getLanguage().equals("es") ? "LLLL 'de' yyyy" : "LLLL yyyy";
		String text = DateTimeFormatter.ofPattern(pattern, language).format(date);
		return text.substring(0, 1).toUpperCase(language) + text.substring(1);
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
					.withLocale(locale())
					.withZone(ZoneId.systemDefault())
					.format(instant);
	}

	/** The company's currency code, for the browser's number formatting ({@code js/numbers.js}). */
	public String currency() {
		return currency.getCurrencyCode();
	}

	public String lang() {
		return locale().getLanguage();
	}

	/**
	 * A number format of one kind for one language, built once per thread and reused: building one goes through the
	 * locale providers and costs more than formatting with it, and a page such as the pipeline board formats hundreds
	 * of figures (formats are not thread-safe, hence one per thread; the request threads are pooled).
	 */
	private NumberFormat format(String kind, Locale locale, Function<Locale, NumberFormat> build) {
		return formats.get().computeIfAbsent(kind + "|" + locale.toLanguageTag(), k -> build.apply(locale));
	}

	private static Locale locale() {
		return LocaleSupport.supported(LocaleContextHolder.getLocale());
	}

}
