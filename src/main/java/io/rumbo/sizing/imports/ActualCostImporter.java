package io.rumbo.sizing.imports;

import org.springframework.stereotype.Component;

import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.CostKind;

/**
 * Actual costs by unit, fiscal month and cost type (from the books). Commissions paid through approved payout runs
 * are read from incentives and must not be imported again: a COMMISSIONS row is what was paid besides them.
 */
@Component
class ActualCostImporter extends CostImporter {

	ActualCostImporter(Budgets budgets, OrgDirectory org, FiscalCalendar calendar) {
		super(budgets, org, calendar, CostKind.ACTUAL);
	}

	@Override
	public String kind() {
		return "actual-costs";
	}
}
