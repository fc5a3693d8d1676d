/**
 * The accounts the company sells to (step 3, Sell): customers with segment, size, potential class and status, the
 * salesperson who owns the relationship and the unit the account belongs to (with history), and their contacts.
 * Visibility follows the organisation's data scope: a salesperson sees the accounts they own, a manager those of
 * their subtree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization", "imports" })
@org.jspecify.annotations.NullMarked
package io.rumbo.customers;
