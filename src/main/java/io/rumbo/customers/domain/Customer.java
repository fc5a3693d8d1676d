package io.rumbo.customers.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.money.Amounts;

/**
 * A customer account. Owner and unit are the organisation's ids; their earlier values are kept as ownership
 * periods (see {@code OwnershipHistory}), because results are credited to whoever owned the account at the time.
 */
@Entity
@Table(name = "customer_account")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private @Nullable String externalId;

	private String legalName;

	private @Nullable String taxId;

	/** The tax id as uniqueness compares it (upper case); indexed, so the check does not scan the table. */
	private @Nullable String taxKey;

	@Enumerated(EnumType.STRING)
	private Segment segment;

	private @Nullable String industry;

	@Enumerated(EnumType.STRING)
	private CompanySize companySize;

	private @Nullable String region;

	private @Nullable String address;

	private @Nullable String postalCode;

	private @Nullable String city;

	@Enumerated(EnumType.STRING)
	private PotentialClass potentialClass;

	private @Nullable BigDecimal annualPotential;

	@Enumerated(EnumType.STRING)
	private CustomerStatus status;

	private @Nullable Long ownerStaffId;

	private long unitId;

	private boolean archived;

	@Version
	private long version;

	protected Customer() {
		this.legalName = "";
		this.segment = Segment.SMALL_BUSINESS;
		this.companySize = CompanySize.SMALL;
		this.potentialClass = PotentialClass.C;
		this.status = CustomerStatus.PROSPECT;
	}

	public Customer(String legalName, long unitId) {
		this();
		this.legalName = legalName;
		this.unitId = unitId;
	}

	public void describe(@Nullable String externalId, String legalName, @Nullable String taxId, Segment segment,
			@Nullable String industry, CompanySize companySize, @Nullable String region, @Nullable String address,
			@Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
			@Nullable BigDecimal annualPotential, CustomerStatus status) {
		this.externalId = externalId;
		this.legalName = legalName;
		this.taxId = taxId;
		this.taxKey = taxKey(taxId);
		this.segment = segment;
		this.industry = industry;
		this.companySize = companySize;
		this.region = region;
		this.address = address;
		this.postalCode = postalCode;
		this.city = city;
		this.potentialClass = potentialClass;
		this.annualPotential = annualPotential == null ? null : Amounts.price(annualPotential);
		this.status = status;
	}

	/** The form in which tax ids are compared: the same account whatever the case it was typed in. */
	public static @Nullable String taxKey(@Nullable String taxId) {
		return taxId == null ? null : taxId.toUpperCase(java.util.Locale.ROOT);
	}

	void assign(@Nullable Long ownerStaffId, long unitId) {
		this.ownerStaffId = ownerStaffId;
		this.unitId = unitId;
	}

	/** Archived accounts stay for the orders and history that reference them. An account is archived once. */
	public void archive() {
		if (archived) {
			throw new ConflictException("customers.customer.alreadyArchived");
		}
		this.archived = true;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("externalId", externalId);
		state.put("legalName", legalName);
		state.put("taxId", taxId);
		state.put("segment", segment.name());
		state.put("industry", industry);
		state.put("companySize", companySize.name());
		state.put("region", region);
		state.put("address", address);
		state.put("postalCode", postalCode);
		state.put("city", city);
		state.put("potentialClass", potentialClass.name());
		state.put("annualPotential", annualPotential == null ? null : annualPotential.toPlainString());
		state.put("status", status.name());
		state.put("ownerStaffId", ownerStaffId);
		state.put("unitId", unitId);
		state.put("archived", archived);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Customer not saved yet");
		}
		return id;
	}

	public @Nullable Long ownerStaffId() {
		return ownerStaffId;
	}

	public long unitId() {
		return unitId;
	}

	public String legalName() {
		return legalName;
	}

	public boolean archived() {
		return archived;
	}

	public long version() {
		return version;
	}
}
