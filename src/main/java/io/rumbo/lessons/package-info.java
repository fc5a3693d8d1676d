/**
 * Lessons and success cases (step 4, Evaluate): what someone learned from a won or lost deal, a customer, a strategy,
 * a product line, a segment or an evaluation, written in any language by its author; retrospectives asked of an
 * opportunity's owner when it is won or lost at or above a threshold; a manager or director promotes a lesson to a
 * success case shared with a unit's subtree (a team, a region, everyone) and people mark it useful; a searchable
 * library, and suggestions on the opportunity and improvement plan pages through htmx fragments (decision 0032).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "customers", "planning", "sales", "evaluation", "improvement" })
@org.jspecify.annotations.NullMarked
package io.rumbo.lessons;
