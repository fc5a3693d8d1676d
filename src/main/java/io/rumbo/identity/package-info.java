/**
 * Who may use Rumbo and what they did: users and their roles, form sign-in with throttling, personal
 * access tokens for the API, and the audit trail of changes to important records and of every sign-in.
 * Data scope by position in the org tree is computed by the organization module from {@link io.rumbo.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package io.rumbo.identity;
