package io.rumbo.territories;

/**
 * The account fields a territory rule reads (the customers module's account fields). POSTAL_CODE takes a range; UNIT
 * the id of the unit the account belongs to; the others one value each (text compared without case).
 */
public enum RuleField {
	REGION, POSTAL_CODE, CITY, INDUSTRY, COMPANY_SIZE, POTENTIAL_CLASS, SEGMENT, UNIT
}
