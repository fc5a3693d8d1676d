package io.rumbo.shared.domain;

import java.util.List;

/**
 * A rule of the domain rejected the input. Each error names the field and a message key with its
 * arguments, so that the web layer can localise it.
 */
public class ValidationFailedException extends RuntimeException {

	public record FieldError(String field, String messageKey, Object... arguments) {
	}

	private final List<FieldError> errors;

	public ValidationFailedException(List<FieldError> errors) {
		super("Validation failed: " + errors.stream().map(FieldError::field).toList());
		this.errors = List.copyOf(errors);
	}

	public static ValidationFailedException of(String field, String messageKey, Object... arguments) {
		return new ValidationFailedException(List.of(new FieldError(field, messageKey, arguments)));
	}

	public List<FieldError> errors() {
		return errors;
	}
}
