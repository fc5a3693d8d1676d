package io.rumbo.lessons;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * A lesson was promoted to a success case and shared with the people of a unit's subtree ({@code sharedWith}: a team,
 * a region or the company root); {@code author} is the writer's staff record, if they have one.
 */
public record SuccessCaseShared(LessonId lesson, String title, UnitId sharedWith, String sharedBy, LocalDate sharedOn,
		@Nullable StaffId author) {
}
