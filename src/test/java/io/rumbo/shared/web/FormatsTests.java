package io.rumbo.shared.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import io.rumbo.shared.domain.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTests {

	Formats fmt = new Formats("EUR");

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void moneyHasItsCurrencyAndTwoDecimalsInTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(fmt.money(new BigDecimal("651137.4"))).isEqualTo("€651,137.40");
		assertThat(fmt.money(new BigDecimal("161041"))).isEqualTo("€161,041.00");
		LocaleContextHolder.setLocale(new Locale("es"));
		assertThat(fmt.money(new BigDecimal("651137.4"))).isEqualTo("651.137,40\u00a0€");
	}

	@Test
	void numbersKeepAtMostTwoDecimalsAndGridCellsExactlyTheirScale() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(fmt.number(new BigDecimal("4.3333"))).isEqualTo("4.33");
		assertThat(fmt.number(161041)).isEqualTo("161,041");
		assertThat(fmt.decimal(new BigDecimal("12000.5"), 2)).isEqualTo("12,000.50");
		LocaleContextHolder.setLocale(new Locale("es"));
		assertThat(fmt.decimal(new BigDecimal("12000.5"), 2)).isEqualTo("12.000,50");
		assertThat(fmt.decimal(new BigDecimal("12000"), 0)).isEqualTo("12.000");
	}

	@Test
	void percentagesAreGivenInPercentAndWrittenWithOneDecimal() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(fmt.percent(new BigDecimal("12.54"))).isEqualTo("12.5%");
		LocaleContextHolder.setLocale(new Locale("es"));
		assertThat(fmt.percent(new BigDecimal("12.54"))).isEqualTo("12,5\u00a0%");
	}

	@Test
	void readsNumbersAsTheReadersLanguageWritesThemAndRefusesTheOtherWay() {
		assertThat(Formats.parse("12.000,50", new Locale("es"))).isEqualByComparingTo("12000.50");
		assertThat(Formats.parse("12000,5", new Locale("es"))).isEqualByComparingTo("12000.5");
		assertThat(Formats.parse(" 1.234 ", new Locale("es"))).isEqualByComparingTo("1234");
		assertThat(Formats.parse("12,000.50", Locale.ENGLISH)).isEqualByComparingTo("12000.50");
		assertThat(Formats.parse("12000.5", Locale.ENGLISH)).isEqualByComparingTo("12000.5");
		assertThat(Formats.parse("-3", Locale.ENGLISH)).isEqualByComparingTo("-3");
		assertThat(Formats.parse("12.000,50", Locale.ENGLISH)).isNull();
		assertThat(Formats.parse("12,5", Locale.ENGLISH)).isNull();
		assertThat(Formats.parse("12,000.50", new Locale("es"))).isNull();
		assertThat(Formats.parse("doce", Locale.ENGLISH)).isNull();
		assertThat(Formats.parse("", Locale.ENGLISH)).isNull();
	}

	@Test
	void aFormFieldIsReadInTheReadersLanguageAndAMalformedOneNamesTheField() {
		LocaleContextHolder.setLocale(new Locale("es"));
		assertThat(fmt.parseField("total", "12.000,50")).isEqualByComparingTo("12000.50");
		assertThat(fmt.parseField("total", "  ")).isNull();
		assertThat(fmt.parseRequired("total", "5")).isEqualByComparingTo("5");
		assertThatThrownBy(() -> fmt.parseField("total", "12,000.50"))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> {
				assertThat(ex.errors()).singleElement().satisfies(error -> {
					assertThat(error.field()).isEqualTo("total");
					assertThat(error.messageKey()).isEqualTo("shared.number.invalid");
					assertThat(error.arguments()).containsExactly("12,000.50", "12.000,50");
				});
			});
		assertThatThrownBy(() -> fmt.parseRequired("total", ""))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("shared.number.required"));
	}

	@Test
	void aDifferenceSmallerThanWhatIsShownIsNoDifference() {
		assertThat(fmt.differs(new BigDecimal("0.004"), 2)).isFalse();
		assertThat(fmt.differs(new BigDecimal("0.2"), 0)).isFalse();
		assertThat(fmt.differs(new BigDecimal("0.2"), 2)).isTrue();
	}

	@Test
	void anInputShowsANumberSoThatItReadsBackInTheSameLanguage() {
		Locale es = new Locale("es");
		assertThat(Formats.input(new BigDecimal("12000.5000"), es)).isEqualTo("12.000,50");
		assertThat(Formats.input(new BigDecimal("12000.5000"), Locale.ENGLISH)).isEqualTo("12,000.50");
		assertThat(Formats.input(new BigDecimal("3.0000"), es)).isEqualTo("3");
		assertThat(Formats.input(new BigDecimal("0.1234"), Locale.ENGLISH)).isEqualTo("0.1234");
		assertThat(Formats.input(null, Locale.ENGLISH)).isEmpty();
		for (String value : new String[] { "12000.5", "1234567.891", "0.05", "-7", "1500" }) {
			for (Locale locale : new Locale[] { es, Locale.ENGLISH }) {
				assertThat(Formats.parseInput(Formats.input(new BigDecimal(value), locale), locale))
					.as(value + " in " + locale).isEqualByComparingTo(value);
			}
		}
	}

	@Test
	void aFormReadsTheLanguageFirstThenWhatProgramsWrite() {
		Locale es = new Locale("es");
		assertThat(Formats.parseInput("12.000,50", es)).isEqualByComparingTo("12000.50");
		assertThat(Formats.parseInput("1.500", es)).as("a Spanish reader's fifteen hundred").isEqualByComparingTo("1500");
		assertThat(Formats.parseInput("1500.00", es)).as("a value a page did not format").isEqualByComparingTo("1500.00");
		assertThat(Formats.parseInput("0.05", es)).isEqualByComparingTo("0.05");
		assertThat(Formats.parseInput("12,000.50", Locale.ENGLISH)).isEqualByComparingTo("12000.50");
		assertThat(Formats.parseInput("12,5", Locale.ENGLISH)).isNull();
		assertThat(Formats.parseInput("12.000,50", Locale.ENGLISH)).isNull();
		assertThat(Formats.parseInput("12,000.50", es)).isNull();
		assertThat(Formats.parseInput("1e5", Locale.ENGLISH)).isNull();
		assertThat(Formats.parseInput("doce", es)).isNull();
	}
}
