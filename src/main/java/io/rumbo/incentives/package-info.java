/**
 * Rewards (step 4, Evaluate, for whoever performs well): incentive plans whose components pay on the measures of the
 * metrics engine and the quotas' attainment, payout runs that finance approves and exports, a statement per person
 * that explains every amount, disputes, and recognition (awards, badges, leaderboards).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "sales", "metrics", "quotas", "evaluation" })
@org.jspecify.annotations.NullMarked
package io.rumbo.incentives;
