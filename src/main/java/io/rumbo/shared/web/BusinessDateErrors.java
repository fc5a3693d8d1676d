package io.rumbo.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ValidationFailedException;
import tools.jackson.core.JacksonException;

/**
 * Answers a date outside the business range ({@link BusinessDates}) as the validation error it is, naming the field
 * and the range, instead of "unreadable body" or "invalid value", and a page form's number that is not written the
 * way the reader's language writes numbers ({@link DecimalInputs}) as such, with an example; every other unreadable
 * body or mismatched parameter goes on to {@link ErrorResponses} unchanged.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusinessDateErrors {

	private final ErrorResponses errors;
	private final PageFormErrors pageForms;
	private final Formats fmt;

	BusinessDateErrors(ErrorResponses errors, PageFormErrors pageForms, Formats fmt) {
		this.errors = errors;
		this.pageForms = pageForms;
		this.fmt = fmt;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		BusinessDates.OutOfRange outOfRange = cause(ex, BusinessDates.OutOfRange.class);
		if (outOfRange == null) {
			return errors.unreadable(ex, request, response);
		}
		return errors.invalid(outOfRange(path(outOfRange)), request, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		DecimalInputs.NotANumber notANumber = cause(ex, DecimalInputs.NotANumber.class);
		if (notANumber != null) {
			// A page form goes back to its page with the reason, as when a facade refuses a value.
			return pageForms.invalid(ValidationFailedException.of(ex.getName(), "shared.number.invalid",
					notANumber.text(), fmt.decimal(new java.math.BigDecimal("12000.50"), 2)), request, response);
		}
		if (cause(ex, BusinessDates.OutOfRangeParameter.class) == null) {
			return errors.typeMismatch(ex, request, response);
		}
		return errors.invalid(outOfRange(ex.getName()), request, response);
	}

	private static ValidationFailedException outOfRange(String field) {
		return ValidationFailedException.of(field, Bounds.DATE_KEY, Bounds.EARLIEST_DATE, Bounds.LATEST_DATE);
	}

	/** The JSON path as the API's field names read: {@code lines[0].orderDate}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}
}
