package io.rumbo.customers.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;

class CustomerForm {

	private long version;

	@Size(max = 64)
	private @Nullable String externalId;

	@NotBlank
	@Size(max = 200)
	private String legalName = "";

	@Size(max = 32)
	private @Nullable String taxId;

	@NotNull
	private Segment segment = Segment.SMALL_BUSINESS;

	@Size(max = 100)
	private @Nullable String industry;

	@NotNull
	private CompanySize companySize = CompanySize.SMALL;

	@Size(max = 100)
	private @Nullable String region;

	@Size(max = 300)
	private @Nullable String address;

	@Size(max = 16)
	private @Nullable String postalCode;

	@Size(max = 100)
	private @Nullable String city;

	@NotNull
	private PotentialClass potentialClass = PotentialClass.C;

	@DecimalMin("0")
	private @Nullable BigDecimal annualPotential;

	@NotNull
	private CustomerStatus status = CustomerStatus.PROSPECT;

	private @Nullable Long ownerStaffId;

	private @Nullable Long unitId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate effectiveDate;

	static CustomerForm of(CustomerView c) {
		CustomerForm f = new CustomerForm();
		f.version = c.version();
		f.externalId = c.externalId();
		f.legalName = c.legalName();
		f.taxId = c.taxId();
		f.segment = c.segment();
		f.industry = c.industry();
		f.companySize = c.companySize();
		f.region = c.region();
		f.address = c.address();
		f.postalCode = c.postalCode();
		f.city = c.city();
		f.potentialClass = c.potentialClass();
		f.annualPotential = c.annualPotential();
		f.status = c.status();
		f.ownerStaffId = c.ownerStaffId();
		f.unitId = c.unitId();
		return f;
	}

	CustomerManagement.CustomerDetails details() {
		return new CustomerManagement.CustomerDetails(externalId, legalName, taxId, segment, industry, companySize, region,
				address, postalCode, city, potentialClass, annualPotential, status, ownerStaffId, unitId, effectiveDate);
	}

	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public @Nullable String getExternalId() { return externalId; }
	public void setExternalId(@Nullable String externalId) { this.externalId = externalId; }
	public String getLegalName() { return legalName; }
	public void setLegalName(String legalName) { this.legalName = legalName; }
	public @Nullable String getTaxId() { return taxId; }
	public void setTaxId(@Nullable String taxId) { this.taxId = taxId; }
	public Segment getSegment() { return segment; }
	public void setSegment(Segment segment) { this.segment = segment; }
	public @Nullable String getIndustry() { return industry; }
	public void setIndustry(@Nullable String industry) { this.industry = industry; }
	public CompanySize getCompanySize() { return companySize; }
	public void setCompanySize(CompanySize companySize) { this.companySize = companySize; }
	public @Nullable String getRegion() { return region; }
	public void setRegion(@Nullable String region) { this.region = region; }
	public @Nullable String getAddress() { return address; }
	public void setAddress(@Nullable String address) { this.address = address; }
	public @Nullable String getPostalCode() { return postalCode; }
	public void setPostalCode(@Nullable String postalCode) { this.postalCode = postalCode; }
	public @Nullable String getCity() { return city; }
	public void setCity(@Nullable String city) { this.city = city; }
	public PotentialClass getPotentialClass() { return potentialClass; }
	public void setPotentialClass(PotentialClass potentialClass) { this.potentialClass = potentialClass; }
	public @Nullable BigDecimal getAnnualPotential() { return annualPotential; }
	public void setAnnualPotential(@Nullable BigDecimal annualPotential) { this.annualPotential = annualPotential; }
	public CustomerStatus getStatus() { return status; }
	public void setStatus(CustomerStatus status) { this.status = status; }
	public @Nullable Long getOwnerStaffId() { return ownerStaffId; }
	public void setOwnerStaffId(@Nullable Long ownerStaffId) { this.ownerStaffId = ownerStaffId; }
	public @Nullable Long getUnitId() { return unitId; }
	public void setUnitId(@Nullable Long unitId) { this.unitId = unitId; }
	public @Nullable LocalDate getEffectiveDate() { return effectiveDate; }
	public void setEffectiveDate(@Nullable LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
}
