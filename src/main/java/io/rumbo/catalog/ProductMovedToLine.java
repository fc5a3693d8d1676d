package io.rumbo.catalog;

/**
 * A product was moved to another product line. Figures by line follow the catalog as it is, so everything the product
 * ever sold now counts for {@code toLine} and no longer for {@code fromLine}.
 */
public record ProductMovedToLine(ProductId product, ProductLineId fromLine, ProductLineId toLine) {
}
