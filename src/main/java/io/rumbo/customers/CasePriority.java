package io.rumbo.customers;

/** How urgently a service case must be resolved. */
public enum CasePriority {
	LOW, MEDIUM, HIGH, URGENT
}
