/**
 * The sales record (step 3, Sell): orders with lines priced from the catalog, the standard cost in force on the
 * order date, derived net amount, units and gross margin, and the salespeople credited with each order (splits
 * that sum to 100 %). Returns are negative lines that reduce the credited people's results in the period of the
 * return. Visibility follows the credited people's place in the org tree.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "organization", "catalog", "customers", "imports", "planning" })
@org.jspecify.annotations.NullMarked
package io.rumbo.sales;
