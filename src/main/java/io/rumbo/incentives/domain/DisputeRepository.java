package io.rumbo.incentives.domain;

import org.springframework.data.jpa.repository.JpaRepository;

/** The disputes; their lists and the pick-up by the next payout run are set-based SQL in {@code Disputes}. */
public interface DisputeRepository extends JpaRepository<Dispute, Long> {
}
