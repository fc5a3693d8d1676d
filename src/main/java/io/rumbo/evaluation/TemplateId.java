package io.rumbo.evaluation;

/** A version of an evaluation template; other modules refer to it by this id only. */
public record TemplateId(long value) {

	public TemplateId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static TemplateId of(long value) {
		return new TemplateId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
