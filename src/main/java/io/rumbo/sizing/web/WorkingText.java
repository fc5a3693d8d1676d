package io.rumbo.sizing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.rumbo.shared.web.Formats;
import io.rumbo.sizing.Working;

/**
 * A working's lines in the reader's language: each step's formula with its numbers written as the language writes
 * them (1.000 in Spanish, 1,000 in English); a row label such as "tenured" in its words when the bundle has them.
 */
@Component
class WorkingText {

	private final MessageSource messages;
	private final Formats fmt;

	WorkingText(MessageSource messages, Formats fmt) {
		this.messages = messages;
		this.fmt = fmt;
	}

	List<String> lines(Working working) {
		return working.steps().stream().map(this::line).toList();
	}

	String line(Working.Step step) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] args = step.arguments().stream().map(this::argument).toArray();
		return messages.getMessage(step.key(), args, step.key(), locale);
	}

	String argument(Object value) {
		if (value instanceof BigDecimal n) {
			BigDecimal plain = n.stripTrailingZeros();
			return plain.scale() <= 0 ? fmt.number(plain) : fmt.decimal(plain, Math.min(plain.scale(), 4));
		}
		if (value instanceof Number n) {
			return fmt.number(n);
		}
		String text = String.valueOf(value);
		return messages.getMessage("sizing.group." + text, null, text, LocaleContextHolder.getLocale());
	}

	/** The result as the method states it: people, or an amount. */
	String result(Working working) {
		return working.method().headcount() ? fmt.number(working.result()) : fmt.money(working.result());
	}
}
