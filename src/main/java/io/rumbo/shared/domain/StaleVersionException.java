package io.rumbo.shared.domain;

/** An edit carried a version that is no longer current; {@code current} is what the caller should re-read. */
public class StaleVersionException extends RuntimeException {

	private final long expected;
	private final transient Object current;

	public StaleVersionException(long expected, Object current) {
		super("Stale version " + expected);
		this.expected = expected;
		this.current = current;
	}

	public long expected() {
		return expected;
	}

	public Object current() {
		return current;
	}
}
