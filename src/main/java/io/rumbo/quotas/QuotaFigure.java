package io.rumbo.quotas;

import java.math.BigDecimal;

import io.rumbo.metrics.Metric;
import io.rumbo.organization.StaffId;

/** A person's quota of one measure in one fiscal month (1 to 12) as a file gives it: their effective figure. */
public record QuotaFigure(StaffId staff, Metric metric, int fiscalMonth, BigDecimal amount) {
}
