/**
 * Personal targets (step 3, Sell, measured against a target): a quota plan per fiscal year built from the sales plan
 * that counts, allocated down the org tree to sub-units and people per measure of the metrics catalogue, prorated for
 * people who join, leave or move and ramped for new hires, published level by level and acknowledged by each
 * salesperson. {@link io.rumbo.quotas.QuotaReading} is what attainment and the later steps read.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "customers", "planning", "sales", "metrics", "imports" })
@org.jspecify.annotations.NullMarked
package io.rumbo.quotas;
