package io.rumbo.sales.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.shared.DemoMode;

/**
 * Tags some of this year's demo orders and open opportunities with the demo strategies: for a strategy aimed at a
 * unit, every eighth order credited in that unit's subtree since the strategy started; for one aimed at a product
 * line, every eighth order with a line of it. Runs after the demo plan.
 */
@Component
@Order(95)
class DemoStrategyTags implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStrategyTags.class);

	private final DemoMode demo;
	private final StrategyManagement strategies;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final io.rumbo.catalog.ProductCatalog catalog;

	DemoStrategyTags(DemoMode demo, StrategyManagement strategies, OrgDirectory org, JdbcClient jdbc,
			io.rumbo.catalog.ProductCatalog catalog) {
		this.catalog = catalog;
		this.demo = demo;
		this.strategies = strategies;
		this.org = org;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || jdbc.sql("SELECT COUNT(*) FROM sales_order WHERE strategy_id IS NOT NULL").query(Long.class)
			.single() > 0) {
			return;
		}
		int tagged = 0;
		for (StrategyManagement.StrategyView strategy : strategies.list(null)) {
			List<Long> orders = new ArrayList<>();
			if (strategy.unitId() != null) {
				Set<Long> units = org.subtree(strategy.unitId());
				orders.addAll(jdbc.sql("""
						SELECT DISTINCT o.id FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id
						WHERE o.order_date >= :from AND o.strategy_id IS NULL AND c.unit_id IN (:units) ORDER BY o.id""")
					.param("from", strategy.startsOn())
					.param("units", units)
					.query(Long.class)
					.list());
			}
			else if (strategy.lineId() != null) {
				orders.addAll(jdbc.sql("""
						SELECT DISTINCT o.id FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id
						WHERE o.order_date >= :from AND o.strategy_id IS NULL AND l.product_id IN (:products)
						ORDER BY o.id""")
					.param("from", strategy.startsOn())
					.param("products", productsOfLine(strategy.lineId()))
					.query(Long.class)
					.list());
			}
			List<Long> chosen = new ArrayList<>();
			for (int i = 0; i < orders.size(); i += 8) {
				chosen.add(orders.get(i));
			}
			for (int i = 0; i < chosen.size(); i += 1000) {
				jdbc.sql("UPDATE sales_order SET strategy_id = :s WHERE id IN (:ids)")
					.param("s", strategy.id())
					.param("ids", chosen.subList(i, Math.min(chosen.size(), i + 1000)))
					.update();
			}
			tagged += chosen.size();
		}
		log.info("Tagged {} demo orders with the demo strategies", tagged);
	}

	private List<Long> productsOfLine(long lineId) {
		List<Long> products = jdbc.sql("SELECT DISTINCT product_id FROM sales_order_line").query(Long.class).list();
		List<Long> inLine = new ArrayList<>();
		catalogLines(products).forEach((product, line) -> {
			if (line == lineId) {
				inLine.add(product);
			}
		});
		return inLine.isEmpty() ? List.of(-1L) : inLine;
	}

	private java.util.Map<Long, Long> catalogLines(List<Long> products) {
		java.util.Map<Long, Long> lines = new java.util.HashMap<>();
		catalog.products(products).forEach(p -> lines.put(p.id(), p.lineId()));
		return lines;
	}
}
