package io.rumbo.shared.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.rumbo.shared.domain.Bounds;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date that reaches a controller (JSON bodies, query parameters, page forms) lies within
 * {@link Bounds#EARLIEST_DATE} and {@link Bounds#LATEST_DATE}: one check where text becomes a date, so that no
 * endpoint can forget it and no year 0001 or 20260 is stored (or shifted by the database's calendar). The answer is
 * a 400 naming the field ({@link BusinessDateErrors}).
 */
@Configuration(proxyBeanMethods = false)
class BusinessDates implements WebMvcConfigurer {

	/** A date outside the business range, in a JSON body; Jackson adds the path of the property. */
	static final class OutOfRange extends InvalidFormatException {

		OutOfRange(JsonParser parser, LocalDate value) {
			super(parser, "The date " + value + " is outside " + Bounds.EARLIEST_DATE + ".." + Bounds.LATEST_DATE, value,
					LocalDate.class);
		}
	}

	/** The same, for a query parameter or form field. */
	static final class OutOfRangeParameter extends IllegalArgumentException {

		OutOfRangeParameter(LocalDate value) {
			super("The date " + value + " is outside " + Bounds.EARLIEST_DATE + ".." + Bounds.LATEST_DATE);
		}
	}

	@Bean
	JacksonModule businessDatesModule() {
		SimpleModule module = new SimpleModule("business-dates");
		module.addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {

			@Override
			public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
				LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
				if (date != null && !Bounds.isBusinessDate(date)) {
					throw new OutOfRange(parser, date);
				}
				return date;
			}
		});
		return module;
	}

	/** Wraps the ISO date parsing of {@code @DateTimeFormat} (every date parameter and form field uses it). */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		Jsr310DateTimeFormatAnnotationFormatterFactory iso = new Jsr310DateTimeFormatAnnotationFormatterFactory();
		registry.addFormatterForFieldAnnotation(new AnnotationFormatterFactory<DateTimeFormat>() {

			@Override
			public Set<Class<?>> getFieldTypes() {
				return iso.getFieldTypes();
			}

			@Override
			public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
				return iso.getPrinter(annotation, fieldType);
			}

			@Override
			public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
				Parser<?> parser = iso.getParser(annotation, fieldType);
				return (String text, Locale locale) -> {
					Object value = parser.parse(text, locale);
					if (value instanceof LocalDate date && !Bounds.isBusinessDate(date)) {
						throw new OutOfRangeParameter(date);
					}
					return value;
				};
			}
		});
	}
}
