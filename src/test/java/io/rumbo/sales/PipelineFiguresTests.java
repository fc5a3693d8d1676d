package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffOption;
import io.rumbo.sales.domain.PipelineFigures;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.RumboIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's kept figures ({@code sales_pipeline_figure}) follow every opportunity write of the sales module: after
 * random creations, moves (to open, won and lost stages), edits (amount, owner, close day) and re-pricings by
 * products, the kept table equals the one its rebuild statement computes row for row, and each role's board shows
 * the counts and amounts that summing the opportunities in its scope gives.
 */
@RumboIntegrationTest
class PipelineFiguresTests {

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	OpportunityProducts products;

	@Autowired
	OpportunityQueries queries;

	@Autowired
	PipelineStages stages;

	@Autowired
	PipelineFigures figures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	DataScopes scopes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void keptFiguresEqualTheRebuiltOnesAfterRandomChanges() {
		CurrentUser admin = users.actAs("admin").orElseThrow();
		CurrentUser rep = users.actAs("rep").orElseThrow();
		figures.rebuild();
		List<Map<String, Object>> start = kept();
		List<CustomerView> accounts = customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null,
				null, false), ListQuery.of(0, 40, List.of("legalName"), CustomerManagement.SORTS, "legalName"))
			.content();
		List<StaffOption> people = staff.options(admin, null);
		List<Stage> all = stages.list();
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(20261129L);
		List<OpportunityView> made = new ArrayList<>();
		for (int step = 0; step < 60; step++) {
			int action = made.isEmpty() ? 0 : random.nextInt(5);
			if (action == 0) {
				CustomerView account = accounts.get(random.nextInt(accounts.size()));
				made.add(opportunities.create(admin, new OpportunityManagement.OpportunityDetails(account.id(),
						"Cifras " + step, BigDecimal.valueOf(100 + random.nextInt(5_000), 2),
						today.plusDays(random.nextInt(60)), null, people.get(random.nextInt(people.size())).id(), null,
						"Precio")));
				continue;
			}
			OpportunityView one = made.get(random.nextInt(made.size()));
			OpportunityView current = queries.get(admin, one.id());
			try {
				if (action <= 2) {
					Stage target = all.get(random.nextInt(all.size()));
					opportunities.moveTo(admin, one.id(), target.code());
				}
				else if (action == 3) {
					// A new amount, owner or close day; closed deals too (their close day moves them between rows).
					opportunities.update(admin, one.id(), current.version(), new OpportunityManagement.OpportunityDetails(
							current.customerId(), current.title(), BigDecimal.valueOf(random.nextInt(9_000), 1),
							current.expectedClose().minusDays(random.nextInt(3)), null,
							people.get(random.nextInt(people.size())).id(), null, current.lossReason()));
				}
				else {
					products.setProducts(admin, one.id(), current.version(), List.of(new OpportunityProducts.ProductLine(
							productId(), BigDecimal.valueOf(1 + random.nextInt(9)), null, BigDecimal.ZERO)));
				}
			}
			catch (ConflictException | ValidationFailedException refused) {
				// A closed deal is not moved again, a refused edit is rolled back: the figures must not move either.
			}
		}
		List<Map<String, Object>> kept = kept();
		assertThat(kept).as("the changes moved the figures").isNotEqualTo(start);
		figures.rebuild();
		assertThat(kept()).as("rebuilt").isEqualTo(kept);

		for (CurrentUser reader : List.of(admin, users.actAs("manager").orElseThrow(), rep)) {
			OpportunityQueries.Board board = queries.board(reader, null);
			Map<String, Object[]> direct = directSums(reader, today);
			for (Stage stage : all) {
				Object[] sum = direct.getOrDefault(stage.code(), new Object[] { 0L, BigDecimal.ZERO });
				assertThat(board.columnCounts().get(stage.code())).as(reader.username() + " " + stage.code())
					.isEqualTo(((Number) sum[0]).longValue());
				assertThat(board.columnAmounts().get(stage.code())).as(reader.username() + " " + stage.code())
					.isEqualByComparingTo(Amounts.money((BigDecimal) sum[1]));
			}
		}
	}

	private long productId() {
		return jdbc.sql("SELECT MIN(id) FROM catalog_product WHERE active = TRUE").query(Long.class).single();
	}

	/** The kept rows in key order, with amounts compared by value. */
	private List<Map<String, Object>> kept() {
		return jdbc.sql("""
				SELECT owner_staff_id, owner_unit_id, stage_code, closed_on, opportunities, amount
				FROM sales_pipeline_figure ORDER BY owner_staff_id, closed_on, stage_code, owner_unit_id""")
			.query((rs, n) -> {
				Map<String, Object> row = new HashMap<>();
				row.put("key", rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getDate(4));
				row.put("opportunities", rs.getLong(5));
				row.put("amount", rs.getBigDecimal(6).stripTrailingZeros().toPlainString());
				return row;
			})
			.list();
	}

	/** What the board showed before it kept figures: every opportunity in the reader's scope summed. */
	private Map<String, Object[]> directSums(CurrentUser reader, LocalDate today) {
		Map<String, Object> params = new HashMap<>();
		String scope = scopes.of(reader).sql("o.owner_unit_id", "o.owner_staff_id", params);
		Map<String, Object[]> sums = new HashMap<>();
		jdbc.sql("SELECT o.stage_code, COUNT(*), SUM(o.amount) FROM sales_opportunity o"
				+ " JOIN sales_stage s ON s.code = o.stage_code WHERE " + scope
				+ " AND (s.outcome = 'OPEN' OR o.expected_close >= :since) GROUP BY o.stage_code")
			.params(params)
			.param("since", today.minusDays(OpportunityQueries.CLOSED_ON_BOARD_DAYS))
			.query(rs -> {
				sums.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getBigDecimal(3) });
			});
		return sums;
	}
}
