package io.rumbo.organization;

/** An org unit (company, region, branch, team, agent, distributor). Other modules refer to it by this id only. */
public record UnitId(long value) {

	public UnitId {
		if (value <= 0) {
			throw new IllegalArgumentException("An id is positive, not " + value);
		}
	}

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
