package io.rumbo.sales.domain;

import java.util.Collections;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.identity.AuditTrail;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The strategy (of the planning module) an order or an opportunity serves. The facades check who may see and tag the
 * record; this checks the strategy, writes the tag and keeps it in the audit trail.
 */
@Component
public class StrategyTags {

	/** What can carry a tag, with its table and its name in the audit trail; both are code constants. */
	public enum Tagged {
		ORDER("sales_order"), OPPORTUNITY("sales_opportunity");

		private final String table;

		Tagged(String table) {
			this.table = table;
		}
	}

	private final JdbcClient jdbc;
	private final StrategyManagement strategies;
	private final AuditTrail audit;

	StrategyTags(JdbcClient jdbc, StrategyManagement strategies, AuditTrail audit) {
		this.jdbc = jdbc;
		this.strategies = strategies;
		this.audit = audit;
	}

	public @Nullable Long of(Tagged kind, long id) {
		return jdbc.sql("SELECT strategy_id FROM " + kind.table + " WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** Tags the record, or takes the tag away with null. */
	public void tag(Tagged kind, long id, @Nullable Long strategyId) {
		if (strategyId != null && !strategies.exists(strategyId)) {
			throw ValidationFailedException.of("strategyId", "sales.strategy.unknown");
		}
		Long before = of(kind, id);
		jdbc.sql("UPDATE " + kind.table + " SET strategy_id = :strategy WHERE id = :id")
			.param("strategy", strategyId)
			.param("id", id)
			.update();
		audit.record(kind.name(), id, "STRATEGY", Collections.singletonMap("strategyId", before),
				Collections.singletonMap("strategyId", strategyId), null);
	}
}
