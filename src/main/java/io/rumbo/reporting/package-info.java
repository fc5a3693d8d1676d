/**
 * Reporting: what each person sees first and how they find anything. The home page of the signed-in user's role
 * (salesperson, manager, director) is a frame of panels, each read on its own from the API of an earlier module within
 * the reader's data scope, so a slow or failing panel never holds up the others (decision 0029); the global search in
 * the header composes the search each earlier module offers for its own records within that scope (decision 0028).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "customers", "planning", "sales", "metrics", "quotas", "evaluation", "incentives", "improvement", "lessons", "people" })
@org.jspecify.annotations.NullMarked
package io.rumbo.reporting;
