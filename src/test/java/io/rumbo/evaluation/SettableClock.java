package io.rumbo.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves to the day it needs: before a period to publish, after it to freeze, past a deadline. */
final class SettableClock extends Clock {

	private Instant instant = Instant.now();

	void today(LocalDate day) {
		instant = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return instant;
	}
}
