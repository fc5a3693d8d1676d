/**
 * The sales organisation (step 2, Organise): org units as a tree with history, staff and their assignment
 * to units, positions with planned headcount and vacancies, and the data scope that follows from a user's
 * place in the tree. Its units and people are imported from CSV/XLSX ({@code imports/}). Later modules ask {@link io.rumbo.organization.DataScopes} who may see what.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "imports" })
@org.jspecify.annotations.NullMarked
package io.rumbo.organization;
