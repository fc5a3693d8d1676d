package io.rumbo.shared.domain;

/** The caller may see the record but their role does not allow this action (answers 403). */
public class AccessRefusedException extends RuntimeException {

	public AccessRefusedException(String action) {
		super("Not allowed: " + action);
	}
}
