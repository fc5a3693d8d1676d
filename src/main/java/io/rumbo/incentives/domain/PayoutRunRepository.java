package io.rumbo.incentives.domain;

import org.springframework.data.jpa.repository.JpaRepository;

/** The payout runs; their lines and statements are set-based SQL in {@code PayoutRuns}. */
public interface PayoutRunRepository extends JpaRepository<PayoutRun, Long> {
}
