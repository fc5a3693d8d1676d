package io.rumbo.customers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A customer account as lists, pages and the API show it, with owner and unit names from the organisation. */
public record CustomerView(long id, long version, @Nullable String externalId, String legalName, @Nullable String taxId,
		Segment segment, @Nullable String industry, CompanySize companySize, @Nullable String region,
		@Nullable String address, @Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
		@Nullable BigDecimal annualPotential, CustomerStatus status, @Nullable Long ownerStaffId,
		@Nullable String ownerName, long unitId, @Nullable String unitName, boolean archived) {
}
