package io.rumbo.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Decimal numbers in page forms are typed and shown the way the reader's language writes them ({@code 12.000,50} in
 * Spanish, {@code 12,000.50} in English), like every figure the pages show, instead of the browser's number input,
 * which follows the browser's language rather than the one the reader chose and drops what it cannot read. Every
 * {@code BigDecimal} a page controller binds (a form object's field, a request parameter) reads through
 * {@link Formats#parseInput} and an input bound with {@code th:field} shows {@link Formats#input}. Text that is no
 * number is refused with the field's label and an example ({@link BusinessDateErrors}), never read as something
 * else. The API keeps JSON numbers and plain query parameters.
 */
@ControllerAdvice
class DecimalInputs {

	@InitBinder
	void decimals(WebDataBinder binder, HttpServletRequest request) {
		if (!ErrorResponses.isApi(request)) {
			binder.registerCustomEditor(BigDecimal.class, new Editor(LocaleContextHolder.getLocale()));
		}
	}

	/** What was typed in a number field and is not a number as the reader's language writes one. */
	static final class NotANumber extends IllegalArgumentException {

		private final String text;

		NotANumber(String text) {
			super("not a number: " + text);
			this.text = text;
		}

		String text() {
			return text;
		}
	}

	static final class Editor extends PropertyEditorSupport {

		private final Locale locale;

		Editor(Locale locale) {
			this.locale = locale;
		}

		@Override
		public void setAsText(@Nullable String text) {
			if (text == null || text.isBlank()) {
				setValue(null);
				return;
			}
			BigDecimal value = Formats.parseInput(text, locale);
			if (value == null) {
				throw new NotANumber(text.strip());
			}
			setValue(value);
		}

		@Override
		public String getAsText() {
			return getValue() instanceof Number number ? Formats.input(number, locale) : "";
		}
	}
}
