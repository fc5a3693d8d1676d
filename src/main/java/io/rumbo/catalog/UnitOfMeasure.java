package io.rumbo.catalog;

/** How a product is counted in orders. */
public enum UnitOfMeasure {
	UNIT, BOX, PACK, KG, LITRE, METRE, HOUR
}
