package io.rumbo.planning;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ValidationFailedException;

/** The periods of a plan's fiscal year by code: {@code Y} (or blank) the year, {@code Q1}-{@code Q4}, {@code M1}-{@code M12}. */
final class PlanPeriods {

	private PlanPeriods() {
	}

	/** The fiscal months (1-12) of a period code; an unknown code is a validation error naming it. */
	static List<Integer> months(@Nullable String code) {
		String p = code == null || code.isBlank() ? "Y" : code.trim().toUpperCase(Locale.ROOT);
		if (p.equals("Y") || p.equals("YEAR")) {
			return IntStream.rangeClosed(1, 12).boxed().toList();
		}
		try {
			int n = Integer.parseInt(p.substring(1));
			if (p.startsWith("Q") && n >= 1 && n <= 4) {
				return List.of(n * 3 - 2, n * 3 - 1, n * 3);
			}
			if (p.startsWith("M") && n >= 1 && n <= 12) {
				return List.of(n);
			}
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			// reported below
		}
		throw ValidationFailedException.of("period", "planning.period.invalid", code);
	}
}
