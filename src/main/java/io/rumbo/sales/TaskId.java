package io.rumbo.sales;

/** A task given to a person or a team. Other modules refer to it by this id only. */
public record TaskId(long value) {

	public TaskId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static TaskId of(long value) {
		return new TaskId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
