package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.rumbo.organization.UnitId;

/** What the approved payout runs of periods ending on {@code lastDay} pay the people of {@code unit}. */
public record UnitPayout(UnitId unit, LocalDate lastDay, BigDecimal payable) {
}
