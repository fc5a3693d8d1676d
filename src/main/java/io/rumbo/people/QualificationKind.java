package io.rumbo.people;

/** What a qualification is: a skill, a certification on a product, a language, a licence or a minimum experience. */
public enum QualificationKind {
	SKILL, PRODUCT_CERTIFICATION, LANGUAGE, LICENCE, EXPERIENCE
}
