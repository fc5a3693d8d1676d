/**
 * Plan and strategy reviews (step 4, Evaluate, of the plan rather than of people): for a plan's fiscal year or quarter
 * and a unit's subtree, target against actual per unit, the gap split into volume, price and mix effects by product
 * line and unit against the plan and against last year, the margin gap split into revenue and cost effects, what
 * each strategy brought against what was expected with the reviewer's verdict, target-market coverage month by
 * month and the year's objectives against the metrics engine. A review is a document: a draft the reviewer explains,
 * then shared, read-only with its figures frozen (decision 0031).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "customers", "planning", "sales", "metrics", "quotas" })
@org.jspecify.annotations.NullMarked
package io.rumbo.review;
