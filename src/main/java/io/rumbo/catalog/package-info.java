/**
 * What the company sells (step 3, Sell): product lines and products with list price and an effective-dated
 * standard cost. Other modules read products and the cost in force on a date through
 * {@link io.rumbo.catalog.ProductCatalog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "imports" })
@org.jspecify.annotations.NullMarked
package io.rumbo.catalog;
