package io.rumbo.shared.domain;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/** An edit carried a version that is no longer current; {@code current} is what the caller should re-read. */
public class StaleVersionException extends RuntimeException {

	private final long expected;
	private final transient Object current;

	public StaleVersionException(long expected, Object current) {
		super("Stale version " + expected);
		this.expected = expected;
		this.current = current;
	}

	/**
	 * Runs the writing part of an edit whose version check passed: when another edit of the same record committed in
	 * between (the optimistic lock fails at flush), the edit is stale too, and {@code current} re-reads what won.
	 * Call it inside the facade's transaction so the re-read sees the winner.
	 */
	public static <T> T guard(long expected, Supplier<T> write, Supplier<Object> current) {
		try {
			return write.get();
		}
		catch (OptimisticLockingFailureException | jakarta.persistence.OptimisticLockException ex) {
			throw new StaleVersionException(expected, current.get());
		}
	}

	public long expected() {
		return expected;
	}

	public Object current() {
		return current;
	}
}
