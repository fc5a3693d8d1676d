package io.rumbo.catalog.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ConflictException;

@Entity
@Table(name = "catalog_product_line")
public class ProductLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String code;

	private String nameEs;

	private String nameEn;

	private boolean active;

	@Version
	private long version;

	protected ProductLine() {
		this.code = "";
		this.nameEs = "";
		this.nameEn = "";
	}

	public ProductLine(String code, String nameEs, String nameEn) {
		this.code = code;
		this.nameEs = nameEs;
		this.nameEn = nameEn;
		this.active = true;
	}

	public void describe(String code, String nameEs, String nameEn, boolean active) {
		this.code = code;
		this.nameEs = nameEs;
		this.nameEn = nameEn;
		this.active = active;
	}

	/** Takes the line off sale; archiving an inactive line is refused. */
	public void archive() {
		if (!active) {
			throw new ConflictException("catalog.line.alreadyArchived");
		}
		this.active = false;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", code);
		state.put("nameEs", nameEs);
		state.put("nameEn", nameEn);
		state.put("active", active);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Line not saved yet");
		}
		return id;
	}

	public boolean active() {
		return active;
	}

	public long version() {
		return version;
	}

	public String code() {
		return code;
	}
}
