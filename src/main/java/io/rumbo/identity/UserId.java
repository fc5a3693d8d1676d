package io.rumbo.identity;

import java.io.Serializable;

public record UserId(long value) implements Serializable {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
