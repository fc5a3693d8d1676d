package io.rumbo.shared.search;

import org.jspecify.annotations.Nullable;

/**
 * One record a search found: its id, what it is called, a line that tells it apart (city, customer, unit...) and the
 * page that shows it, which applies the same data scope as the search (so a hit never leads to "not found").
 */
public record SearchHit(long id, String title, @Nullable String detail, String href) {
}
