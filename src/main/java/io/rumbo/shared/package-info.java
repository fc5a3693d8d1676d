/**
 * Small building blocks open to every module: domain exceptions, paging and sorting with allow-lists,
 * problem-detail error responses, CSV export, locale handling, the clock and the demo-mode switch.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.rumbo.shared;
