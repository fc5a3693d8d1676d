package io.rumbo.incentives;

/** A kind of award ("salesperson of the quarter"). */
public record AwardKindId(long value) {

	public static AwardKindId of(long value) {
		return new AwardKindId(value);
	}
}
