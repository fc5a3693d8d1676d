package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.UnitId;

/**
 * What approved payout runs pay, by the unit of each statement and the last day of the run's period, for the cost of
 * sales (the sizing module's actual commissions). Drafts count nothing: a run costs once finance approves it.
 * Unscoped: the caller applies its reader's scope to the units.
 */
@Service
public class ApprovedPayouts {

	private final JdbcClient jdbc;

	ApprovedPayouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The approved runs whose period ends after {@code from} and at most on {@code to} (ends are exclusive), one
	 * grouped statement.
	 */
	@Transactional(readOnly = true)
	public List<UnitPayout> byUnit(LocalDate from, LocalDate to) {
		List<UnitPayout> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT s.unit_id, r.period_end, SUM(s.payable) FROM incentives_payout_statement s
				JOIN incentives_payout_run r ON r.id = s.run_id
				WHERE r.state = 'APPROVED' AND r.period_end > :from AND r.period_end <= :to
				GROUP BY s.unit_id, r.period_end""")
			.param("from", from)
			.param("to", to)
			.query(rs -> {
				rows.add(new UnitPayout(UnitId.of(rs.getLong(1)), rs.getDate(2).toLocalDate().minusDays(1),
						rs.getBigDecimal(3)));
			});
		return rows;
	}
}
