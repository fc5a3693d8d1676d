package io.rumbo.incentives;

/** An award granted to a person (by rule or by hand). */
public record AwardId(long value) {

	public static AwardId of(long value) {
		return new AwardId(value);
	}
}
