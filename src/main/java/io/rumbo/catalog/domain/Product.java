package io.rumbo.catalog.domain;

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

import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.shared.domain.Bounds;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.money.Amounts;

/**
 * A product with its list price. The standard cost is not a field: it has a history (see {@code ProductCost}),
 * because an order's margin must use the cost in force on the order date.
 */
@Entity
@Table(name = "catalog_product")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String sku;

	private String nameEs;

	private String nameEn;

	private long lineId;

	@Enumerated(EnumType.STRING)
	private UnitOfMeasure unitOfMeasure;

	private BigDecimal listPrice;

	private boolean active;

	@Version
	private long version;

	protected Product() {
		this.sku = "";
		this.nameEs = "";
		this.nameEn = "";
		this.unitOfMeasure = UnitOfMeasure.UNIT;
		this.listPrice = BigDecimal.ZERO;
	}

	public Product(String sku, String nameEs, String nameEn, long lineId, UnitOfMeasure unitOfMeasure,
			BigDecimal listPrice) {
		describe(sku, nameEs, nameEn, lineId, unitOfMeasure, listPrice, true);
	}

	public void describe(String sku, String nameEs, String nameEn, long lineId, UnitOfMeasure unitOfMeasure,
			BigDecimal listPrice, boolean active) {
		if (!Bounds.isPrice(listPrice)) {
			throw new IllegalArgumentException("A list price must be within the bounds of a price");
		}
		this.sku = sku;
		this.nameEs = nameEs;
		this.nameEn = nameEn;
		this.lineId = lineId;
		this.unitOfMeasure = unitOfMeasure;
		this.listPrice = Amounts.price(listPrice);
		this.active = active;
	}

	/** Archived products stay for the orders that reference them but can no longer be sold. Archived once. */
	public void archive() {
		if (!active) {
			throw new ConflictException("catalog.product.alreadyArchived");
		}
		this.active = false;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("sku", sku);
		state.put("nameEs", nameEs);
		state.put("nameEn", nameEn);
		state.put("lineId", lineId);
		state.put("unitOfMeasure", unitOfMeasure.name());
		state.put("listPrice", listPrice.toPlainString());
		state.put("active", active);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Product not saved yet");
		}
		return id;
	}

	public String sku() {
		return sku;
	}

	public long lineId() {
		return lineId;
	}

	public boolean active() {
		return active;
	}

	public long version() {
		return version;
	}
}
