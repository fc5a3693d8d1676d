package io.rumbo.sizing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a calculator did, step by step: each step a message key (its formula, in words and signs) with its arguments
 * (numbers, formatted for the reader's language when shown, or words such as a potential class), and the result.
 * {@code result} is a number of salespeople for a headcount method, an amount otherwise.
 */
public record Working(SizingMethod method, List<Step> steps, BigDecimal result) {

	public Working {
		steps = List.copyOf(steps);
	}

	/** One line of the working: {@code key} in the sizing bundle, {@code arguments} in its order. */
	public record Step(String key, List<Object> arguments) {

		public Step {
			arguments = List.copyOf(arguments);
		}

		public static Step of(String key, Object... arguments) {
			return new Step(key, List.of(arguments));
		}
	}
}
