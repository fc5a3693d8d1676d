package io.rumbo.people;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * The code and name every entry of the people catalogues carries (qualifications, programmes): a code of at most 32
 * characters unique in its table whatever its case, a name of at most 200.
 */
final class CatalogueFields {

	private CatalogueFields() {
	}

	/** Adds to {@code errors} what is wrong with the code and name; {@code id} the entry itself, none for a new one. */
	static void codeAndName(JdbcClient jdbc, String table, @Nullable String code, @Nullable String name,
			@Nullable Long id, List<FieldError> errors) {
		if (code == null || code.isBlank()) {
			errors.add(new FieldError("code", "shared.validation.required"));
		}
		else if (code.trim().length() > 32) {
			errors.add(new FieldError("code", "people.validation.tooLong", 32));
		}
		else if (jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE UPPER(code) = :code AND id <> :id")
			.param("code", code.trim().toUpperCase(Locale.ROOT)).param("id", id == null ? -1L : id)
			.query(Long.class).single() > 0) {
			errors.add(new FieldError("code", "people.qualification.codeTaken"));
		}
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "shared.validation.required"));
		}
		else if (name.trim().length() > 200) {
			errors.add(new FieldError("name", "people.validation.tooLong", 200));
		}
	}
}
