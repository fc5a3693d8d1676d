/**
 * Measured results (step 3, Sell, turned into numbers): one catalogue of measures ({@link io.rumbo.metrics.Metric})
 * computed per person, org unit, product line and fiscal month from facts that this module keeps itself, fed by the
 * past-tense events of the sales and customers modules and rebuilt from their records on request. Every later step
 * (quotas, evaluation, incentives, dashboards) reads its numbers here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization", "catalog",
		"customers", "planning", "sales" })
@org.jspecify.annotations.NullMarked
package io.rumbo.metrics;
