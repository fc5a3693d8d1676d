/**
 * The sales plan (step 1, Plan): the fiscal calendar, the company's objectives, versioned plans whose targets are
 * broken down by month, org unit and product line (with a baseline from last year's actuals and spreading of
 * totals), and the plan-versus-actual view with a forecast. Booked results come from the metrics module's facts
 * through {@link io.rumbo.planning.PlanActuals}, the open pipeline and target customers' activity from the sales
 * module through {@link io.rumbo.planning.SalesHistory}; both modules come later in the dependency order and
 * implement these interfaces.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "organization", "catalog", "customers" })
@org.jspecify.annotations.NullMarked
package io.rumbo.planning;
