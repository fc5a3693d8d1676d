/**
 * Bulk import of CSV and XLSX files: reading the file, checking it whole, reporting every problem by row and column
 * in the reader's language, writing all or nothing, and showing progress. The modules that own the data contribute
 * an {@link io.rumbo.imports.Importer} per kind (products, customers, orders...); this module knows none of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
@org.jspecify.annotations.NullMarked
package io.rumbo.imports;
