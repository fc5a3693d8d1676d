/**
 * The sales plan (step 1, Plan): the fiscal calendar, the company's objectives, versioned plans whose targets are
 * broken down by month, org unit and product line (with a baseline from last year's actuals and spreading of
 * totals), and the plan-versus-actual view with a forecast. Actuals and the open pipeline come from the sales module
 * through {@link io.rumbo.planning.SalesHistory}, which sales implements, because sales comes later in the
 * dependency order.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "organization", "catalog", "customers" })
@org.jspecify.annotations.NullMarked
package io.rumbo.planning;
