package io.rumbo.customers;

/** How much an account could buy: A the most valuable, C the least. */
public enum PotentialClass {
	A, B, C
}
