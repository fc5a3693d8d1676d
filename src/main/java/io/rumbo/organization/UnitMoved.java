package io.rumbo.organization;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit was placed under another parent from {@code effectiveDate}; its subtree moved with it. A parent is absent
 * only for a root (the company).
 */
public record UnitMoved(UnitId unit, @Nullable UnitId fromParent, @Nullable UnitId toParent, LocalDate effectiveDate) {
}
