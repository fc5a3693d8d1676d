package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanTargets;
import io.rumbo.planning.PlanViews;
import io.rumbo.planning.PlanWorkflow;

/**
 * An active sales plan of a fiscal year far ahead, which no demo plan and no other test meets, so a test can start,
 * allocate and publish that year's quotas through the real workflow without touching the demo company's quotas:
 * each named unit is asked {@code monthly} revenue (with its units at 50.00 and a 30 % margin) every month on one
 * product line. A year that already has a plan is left as it is. Years other tests plan or quota already: two and one
 * back, one to six, nine and ten ahead; this fixture's users take two back (the browser journey, after which its
 * quotas are removed), eleven, twelve and thirteen ahead.
 */
final class QuotaYearFixture {

	/** A unit is sold at 50.00 on average, with a 30 % margin. */
	private static final BigDecimal UNIT_PRICE = new BigDecimal("50");

	private static final BigDecimal MARGIN = new BigDecimal("0.30");

	private QuotaYearFixture() {
	}

	/** Takes the planning and identity facades from the test's application, so each test needs only its context. */
	static void activePlan(ApplicationContext context, int year, BigDecimal monthly, String... unitCodes) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		UserManagement users = context.getBean(UserManagement.class);
		PlanWorkflow plans = context.getBean(PlanWorkflow.class);
		PlanTargets targets = context.getBean(PlanTargets.class);
		PlanReading reading = context.getBean(PlanReading.class);
		if (jdbc.sql("SELECT COUNT(*) FROM planning_plan WHERE fiscal_year = :y").param("y", year).query(Long.class)
			.single() > 0) {
			return;
		}
		CurrentUser director = users.actAs("director").orElseThrow();
		long line = jdbc.sql("SELECT MIN(id) FROM catalog_product_line").query(Long.class).single();
		PlanViews.VersionView draft = plans.create(director, year, "Plan " + year, BigDecimal.ZERO, Map.of())
			.versions().get(0);
		List<PlanViews.TargetCell> cells = new ArrayList<>();
		for (String code : unitCodes) {
			long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", code).query(Long.class).single();
			for (int m = 1; m <= 12; m++) {
				cells.add(new PlanViews.TargetCell(unit, line, m, monthly, monthly.divide(UNIT_PRICE),
						monthly.multiply(MARGIN)));
			}
		}
		targets.writeTargets(director, draft.id(), null, cells);
		PlanViews.VersionView v = plans.submit(director, draft.id(), reading.version(director, draft.id()).version());
		v = plans.approve(director, v.id(), v.version());
		plans.activate(director, v.id(), v.version());
	}
}
