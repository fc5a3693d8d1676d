package io.rumbo.shared.web;

import org.springframework.validation.BindingResult;

import io.rumbo.shared.domain.ValidationFailedException;

/** Puts the domain's field errors next to the form fields, so that pages show them inline. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void bind(ValidationFailedException ex, BindingResult result) {
		for (ValidationFailedException.FieldError error : ex.errors()) {
			if (result.getFieldType(error.field()) != null || hasProperty(result, error.field())) {
				result.rejectValue(error.field(), error.messageKey(), error.arguments(), error.messageKey());
			}
			else {
				result.reject(error.messageKey(), error.arguments(), error.messageKey());
			}
		}
	}

	private static boolean hasProperty(BindingResult result, String field) {
		try {
			result.getFieldValue(field);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}
