/**
 * Improvement plans (step 4, Evaluate, for whoever falls short): a manager opens a plan for a person of their subtree
 * with named goals and deadlines, each measured by a measure of the metrics engine or checked by hand, the support
 * promised and check-ins on a schedule; the plan ends with an outcome and its reason. Pace and alerts tell who falls
 * behind. A manager opens a plan from a closed scorecard through the evaluation module's API (decision 0017); a
 * training action enrols the person in a session through the people module's API (decision 0039).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"metrics", "evaluation", "people" })
@org.jspecify.annotations.NullMarked
package io.rumbo.improvement;
