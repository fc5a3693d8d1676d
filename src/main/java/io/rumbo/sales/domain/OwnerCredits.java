package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.sql.BulkRows;

/**
 * The credits of the imported orders whose credits column is blank, which the credit rule gives to the account's
 * owner in full. Its outcome depends only on the owner and the unit they were in on the order date (and the actor),
 * so {@link CreditRule} decides it once per owner and order date, and SQL hands each order its owner's decision: the
 * credit, or the problem on the order's first row. Orders that name their credits go through the rule one by one.
 */
@Component
public class OwnerCredits {

	private static final List<String> COLUMNS = List.of("import_id", "staff_id", "order_date", "unit_id",
			"share_percent", "problem");

	private final JdbcClient jdbc;
	private final BulkRows bulk;
	private final OrgDirectory org;
	private final CreditRule rule;
	private final OrderStaging staging;

	OwnerCredits(JdbcClient jdbc, BulkRows bulk, OrgDirectory org, CreditRule rule, OrderStaging staging) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.org = org;
		this.rule = rule;
		this.staging = staging;
	}

	/** Stages the credits of the import's orders with a blank credits column, or reports why they cannot have them. */
	public void split(CurrentUser actor, DataScope scope, long importId, OrderStaging.Problems problems) {
		Map<LocalDate, Set<Long>> ownersOn = new TreeMap<>();
		jdbc.sql("""
				SELECT DISTINCT order_date, customer_owner FROM sales_order_import_order
				WHERE import_id = :id AND credits IS NULL AND customer_owner IS NOT NULL""")
			.param("id", importId)
			.query(rs -> {
				ownersOn.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new TreeSet<>()).add(rs.getLong(2));
			});
		// The rule credits a person without a unit on the order date in their current unit; read once per owner.
		Map<Long, Optional<Long>> currentUnits = new HashMap<>();
		List<Object[]> decisions = new ArrayList<>();
		ownersOn.forEach((date, owners) -> {
			Map<Long, Long> units = new HashMap<>(org.unitsOn(owners, date));
			for (Long owner : owners) {
				if (!units.containsKey(owner)) {
					currentUnits.computeIfAbsent(owner, o -> org.staff(o).map(OrgDirectory.StaffSummary::unitId))
						.ifPresent(unit -> units.put(owner, unit));
				}
				CreditRule.Split split = rule.check(actor, scope, List.of(), owner, units);
				split.credits().forEach(c -> decisions.add(new Object[] { importId, owner, date, c.unitId(),
						c.sharePercent(), null }));
				split.problems().forEach(p -> decisions.add(new Object[] { importId, owner, date, null, null, p.key() }));
			}
		});
		bulk.append("sales_order_import_owner", COLUMNS, decisions);
		staging.analyze("sales_order_import_owner");
		jdbc.sql("""
				INSERT INTO sales_order_import_credit (import_id, external_number, staff_id, unit_id, share_percent)
				SELECT t.import_id, t.external_number, w.staff_id, w.unit_id, w.share_percent
				FROM sales_order_import_order t
				JOIN sales_order_import_owner w ON w.import_id = t.import_id AND w.staff_id = t.customer_owner
				  AND w.order_date = t.order_date
				WHERE t.import_id = :id AND t.credits IS NULL AND w.problem IS NULL""").param("id", importId).update();
		jdbc.sql("""
				SELECT t.first_row, w.problem FROM sales_order_import_order t
				JOIN sales_order_import_owner w ON w.import_id = t.import_id AND w.staff_id = t.customer_owner
				  AND w.order_date = t.order_date
				WHERE t.import_id = :id AND t.credits IS NULL AND w.problem IS NOT NULL ORDER BY t.first_row""")
			.param("id", importId)
			.query(rs -> {
				problems.at(rs.getLong(1), "credits", rs.getString(2));
			});
		// An account without an owner: the rule's answer for nobody named and nobody to fall back on.
		List<CreditRule.Problem> ownerless = rule.check(actor, scope, List.of(), null, Map.of()).problems();
		jdbc.sql("""
				SELECT first_row FROM sales_order_import_order
				WHERE import_id = :id AND credits IS NULL AND customer_owner IS NULL ORDER BY first_row""")
			.param("id", importId)
			.query(Long.class)
			.list()
			.forEach(row -> ownerless.forEach(p -> problems.at(row, "credits", p.key())));
	}
}
