package io.rumbo.customers;

/**
 * An account was archived: it stays on record (orders and history keep what they refer to) but is no longer live, so
 * copies of the live accounts drop it. Accounts are not restored once archived (there is no such operation).
 */
public record CustomerArchived(CustomerId customer) {
}
