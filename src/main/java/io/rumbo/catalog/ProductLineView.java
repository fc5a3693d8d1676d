package io.rumbo.catalog;

/** A product line with the number of its active products. */
public record ProductLineView(long id, long version, String code, String nameEs, String nameEn, boolean active,
		long activeProducts) {

	public String name(String language) {
		return "es".equals(language) ? nameEs : nameEn;
	}
}
