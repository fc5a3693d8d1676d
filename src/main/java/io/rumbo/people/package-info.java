/**
 * People (step 2, Organise): the qualifications the department asks of its salespeople and trains them in. A
 * catalogue of qualifications with levels, requirements per job role (optionally per unit), each person's
 * qualifications with expiry and evidence, a gap report, training programmes with sessions, enrolments and
 * completions that grant qualifications, and the effect of a programme on attainment (decision 0035). Recruitment
 * (requisitions, candidates, hiring) lives here too. Role PEOPLE runs it; managers see and request for their subtree; a
 * rep sees their own qualifications and trainings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization" })
@org.jspecify.annotations.NullMarked
package io.rumbo.people;
