package io.rumbo.organization;

/** Planned headcount of a job role in a unit against the people who fill it now. */
public record PositionView(long id, long version, long unitId, String unitName, JobRole jobRole, int planned,
		int filled) {

	public int vacancies() {
		return Math.max(0, planned - filled);
	}
}
