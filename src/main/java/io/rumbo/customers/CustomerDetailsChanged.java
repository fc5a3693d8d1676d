package io.rumbo.customers;

/**
 * An account's details were edited (name, segment, industry, size, region, postal code, city, potential class, annual
 * potential or any other field of the account form). It names the account only: a listener reads the account's
 * current fields through {@link CustomerDirectory}, so a late or repeated event cannot write older values back. A
 * change of owner or unit is announced as {@link CustomerOwnerChanged} (an edit may publish both).
 */
public record CustomerDetailsChanged(CustomerId customer) {
}
