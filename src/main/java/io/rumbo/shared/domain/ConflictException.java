package io.rumbo.shared.domain;

/** The request is valid but the current state of the records refuses it (for example archiving a unit with members). */
public class ConflictException extends RuntimeException {

	private final String messageKey;
	private final Object[] arguments;

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
