package io.rumbo.organization;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An org unit as lists, pages and the API show it; parent and manager as of the date asked for. */
public record OrgUnitView(long id, long version, String code, String name, OrgUnitKind kind, @Nullable String location,
		@Nullable Long parentId, @Nullable String parentName, @Nullable Long managerStaffId, @Nullable String managerName,
		LocalDate validFrom, @Nullable LocalDate validTo, boolean archived, long headcount) {
}
