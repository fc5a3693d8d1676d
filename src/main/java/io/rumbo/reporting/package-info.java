/**
 * Reading across the modules (steps 5 and 6, Measure and Improve): the global search in the header, which composes
 * the search each earlier module offers for its own records within the reader's data scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"catalog", "customers", "planning", "sales", "metrics", "quotas", "evaluation", "incentives", "improvement",
		"imports" })
@org.jspecify.annotations.NullMarked
package io.rumbo.reporting;
