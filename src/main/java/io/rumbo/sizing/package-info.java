/**
 * Sizing the sales force, its budget and cost of sales, and the terms of its channels (step 2, Organise): calculators
 * that show their working and are saved as scenarios (workload, breakdown, incremental, break-even, capacity), compared
 * with today's headcount and planned positions and turned into vacancies through organization's positions; a budget
 * per fiscal year, unit, month and cost type against actual costs (imported, and commissions from approved payout
 * runs), cost of sales against revenue and margin; agents' and distributors' channel terms. It reads accounts,
 * visits, sales, the plan and quotas, so it comes after incentives (decision 0038). A channel is paid by an incentive
 * plan its terms write, and sales asks it which product lines a channel's seller covers (decision 0042); the terms
 * name territories of the territory model, which is why it also comes after territories.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"imports", "catalog", "customers", "planning", "metrics", "quotas", "incentives", "sales", "territories" })
@org.jspecify.annotations.NullMarked
package io.rumbo.sizing;
