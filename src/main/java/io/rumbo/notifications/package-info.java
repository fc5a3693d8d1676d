/**
 * Notifications (the working week): what happened elsewhere, told to the people it concerns, in the in-app inbox and
 * by e-mail, as each user prefers by kind and channel, in their language. The last module: it listens to the other
 * modules' past-tense events and reads their APIs; nobody depends on it. It also runs the weekly digest, the at-risk
 * alert for managers and the daily "due" checks on the shared job runner (decision 0026).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"sales", "metrics", "quotas", "evaluation", "incentives", "improvement", "planning", "lessons", "people" })
@org.jspecify.annotations.NullMarked
package io.rumbo.notifications;
