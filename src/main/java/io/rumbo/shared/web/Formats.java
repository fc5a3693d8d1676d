package io.rumbo.shared.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates, times and numbers in the reader's language, for templates ({@code ${@fmt.date(d)}}). */
@Component("fmt")
public class Formats {

	private final java.util.Currency currency;

	Formats(@org.springframework.beans.factory.annotation.Value("${rumbo.currency:EUR}") String currency) {
		this.currency = java.util.Currency.getInstance(currency);
	}

	/** An amount in the company's currency, written the way the reader's language writes money. */
	public String money(@Nullable Number amount) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(currency);
		return format.format(amount);
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
					.withLocale(locale())
					.withZone(ZoneId.systemDefault())
					.format(instant);
	}

	public String number(@Nullable Number number) {
		return number == null ? "" : NumberFormat.getNumberInstance(locale()).format(number);
	}

	public String lang() {
		return locale().getLanguage();
	}

	private static Locale locale() {
		return LocaleSupport.supported(LocaleContextHolder.getLocale());
	}
}
