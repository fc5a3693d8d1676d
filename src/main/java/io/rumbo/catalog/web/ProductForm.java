package io.rumbo.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;

class ProductForm {

	private long version;

	@NotBlank
	@Size(max = 40)
	private String sku = "";

	@NotBlank
	@Size(max = 200)
	private String nameEs = "";

	@NotBlank
	@Size(max = 200)
	private String nameEn = "";

	@NotNull
	private @Nullable Long lineId;

	@NotNull
	private UnitOfMeasure unitOfMeasure = UnitOfMeasure.UNIT;

	@NotNull
	@DecimalMin("0")
	@Digits(integer = 15, fraction = 4)
	private @Nullable BigDecimal listPrice;

	private boolean active = true;

	@DecimalMin("0")
	@Digits(integer = 15, fraction = 4)
	private @Nullable BigDecimal standardCost;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate costValidFrom;

	static ProductForm of(ProductView p) {
		ProductForm form = new ProductForm();
		form.version = p.version();
		form.sku = p.sku();
		form.nameEs = p.nameEs();
		form.nameEn = p.nameEn();
		form.lineId = p.lineId();
		form.unitOfMeasure = p.unitOfMeasure();
		form.listPrice = p.listPrice();
		form.active = p.active();
		return form;
	}

	CatalogManagement.ProductDetails details() {
		return new CatalogManagement.ProductDetails(sku, nameEs, nameEn, java.util.Objects.requireNonNull(lineId),
				unitOfMeasure, java.util.Objects.requireNonNull(listPrice), active, standardCost, costValidFrom);
	}

	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public String getSku() { return sku; }
	public void setSku(String sku) { this.sku = sku; }
	public String getNameEs() { return nameEs; }
	public void setNameEs(String nameEs) { this.nameEs = nameEs; }
	public String getNameEn() { return nameEn; }
	public void setNameEn(String nameEn) { this.nameEn = nameEn; }
	public @Nullable Long getLineId() { return lineId; }
	public void setLineId(@Nullable Long lineId) { this.lineId = lineId; }
	public UnitOfMeasure getUnitOfMeasure() { return unitOfMeasure; }
	public void setUnitOfMeasure(UnitOfMeasure unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
	public @Nullable BigDecimal getListPrice() { return listPrice; }
	public void setListPrice(@Nullable BigDecimal listPrice) { this.listPrice = listPrice; }
	public boolean isActive() { return active; }
	public void setActive(boolean active) { this.active = active; }
	public @Nullable BigDecimal getStandardCost() { return standardCost; }
	public void setStandardCost(@Nullable BigDecimal standardCost) { this.standardCost = standardCost; }
	public @Nullable LocalDate getCostValidFrom() { return costValidFrom; }
	public void setCostValidFrom(@Nullable LocalDate costValidFrom) { this.costValidFrom = costValidFrom; }
}
