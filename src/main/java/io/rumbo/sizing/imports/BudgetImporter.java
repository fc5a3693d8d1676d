package io.rumbo.sizing.imports;

import org.springframework.stereotype.Component;

import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.CostKind;

/** Budgets by unit, fiscal month and cost type. */
@Component
class BudgetImporter extends CostImporter {

	BudgetImporter(Budgets budgets, OrgDirectory org, FiscalCalendar calendar) {
		super(budgets, org, calendar, CostKind.BUDGET);
	}

	@Override
	public String kind() {
		return "budgets";
	}
}
