package io.rumbo.shared.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
				// Not a field of this form: shown above it, so it names the field in the reader's words.
				String name = error.field().substring(error.field().lastIndexOf('.') + 1).replaceAll("\\[.*", "");
				MessageSourceResolvable label = new DefaultMessageSourceResolvable(new String[] { "shared.field." + name },
						FieldLabels.words(name));
				MessageSourceResolvable message = new DefaultMessageSourceResolvable(new String[] { error.messageKey() },
						error.arguments(), error.messageKey());
				result.reject("shared.field.error", new Object[] { label, message }, error.messageKey());
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
