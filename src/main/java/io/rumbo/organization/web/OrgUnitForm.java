package io.rumbo.organization.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;

class OrgUnitForm {

	private long version;

	@NotBlank
	@Size(max = 32)
	private String code = "";

	@NotBlank
	@Size(max = 200)
	private String name = "";

	@NotNull
	private OrgUnitKind kind = OrgUnitKind.TEAM;

	@Size(max = 200)
	private @Nullable String location;

	private @Nullable Long parentId;

	private @Nullable Long managerStaffId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate validFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate effectiveDate;

	static OrgUnitForm of(OrgUnitView unit) {
		OrgUnitForm form = new OrgUnitForm();
		form.version = unit.version();
		form.code = unit.code();
		form.name = unit.name();
		form.kind = unit.kind();
		form.location = unit.location();
		form.parentId = unit.parentId();
		form.managerStaffId = unit.managerStaffId();
		form.validFrom = unit.validFrom();
		return form;
	}

	OrgUnitManagement.UnitDetails details() {
		return new OrgUnitManagement.UnitDetails(code, name, kind, location, parentId, managerStaffId, validFrom,
				effectiveDate);
	}

	public long getVersion() { return version; }
	public void setVersion(long version) { this.version = version; }
	public String getCode() { return code; }
	public void setCode(String code) { this.code = code; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public OrgUnitKind getKind() { return kind; }
	public void setKind(OrgUnitKind kind) { this.kind = kind; }
	public @Nullable String getLocation() { return location; }
	public void setLocation(@Nullable String location) { this.location = location; }
	public @Nullable Long getParentId() { return parentId; }
	public void setParentId(@Nullable Long parentId) { this.parentId = parentId; }
	public @Nullable Long getManagerStaffId() { return managerStaffId; }
	public void setManagerStaffId(@Nullable Long managerStaffId) { this.managerStaffId = managerStaffId; }
	public @Nullable LocalDate getValidFrom() { return validFrom; }
	public void setValidFrom(@Nullable LocalDate validFrom) { this.validFrom = validFrom; }
	public @Nullable LocalDate getEffectiveDate() { return effectiveDate; }
	public void setEffectiveDate(@Nullable LocalDate effectiveDate) { this.effectiveDate = effectiveDate; }
}
