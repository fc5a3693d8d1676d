/**
 * Sales territories (step 2, Organise): territory models as trees independent of the org tree, each territory
 * defined by rules on account fields plus accounts named by hand and assigned to a person or a unit; drafts are
 * previewed and activated on a date, when account ownership follows them through the customers module's ownership
 * history and the previous model becomes history; balancing by accounts, potential, workload and last year's sales
 * with suggestions between sibling territories. A module of its own after sales, because territories read
 * customers' accounts and sales' results (decision 0037).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization",
		"customers", "planning", "sales" })
@org.jspecify.annotations.NullMarked
package io.rumbo.territories;
