package io.rumbo.catalog;

import org.jspecify.annotations.Nullable;

/** The filters of a product list: text in the SKU or names, a product line, active or archived. */
public record ProductFilter(@Nullable String q, @Nullable Long lineId, @Nullable Boolean active) {
}
