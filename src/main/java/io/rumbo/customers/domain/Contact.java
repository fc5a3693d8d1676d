package io.rumbo.customers.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.customers.ContactRole;
import io.rumbo.shared.domain.ConflictException;

/** A person at a customer account. */
@Entity
@Table(name = "customer_contact")
public class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	private @Nullable String externalId;

	private String fullName;

	private @Nullable String jobTitle;

	@Enumerated(EnumType.STRING)
	private ContactRole contactRole;

	private @Nullable String email;

	private @Nullable String phone;

	@Column(name = "is_primary")
	private boolean primary;

	private boolean archived;

	@Version
	private long version;

	protected Contact() {
		this.fullName = "";
		this.contactRole = ContactRole.OTHER;
	}

	public Contact(long customerId) {
		this();
		this.customerId = customerId;
	}

	public void describe(@Nullable String externalId, String fullName, @Nullable String jobTitle, ContactRole role,
			@Nullable String email, @Nullable String phone, boolean primary) {
		this.externalId = externalId;
		this.fullName = fullName;
		this.jobTitle = jobTitle;
		this.contactRole = role;
		this.email = email;
		this.phone = phone;
		this.primary = primary;
	}

	public void notPrimary() {
		this.primary = false;
	}

	/** A contact is removed once; removing it again is refused. */
	public void archive() {
		if (archived) {
			throw new ConflictException("customers.contact.alreadyArchived");
		}
		this.archived = true;
		this.primary = false;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("customerId", customerId);
		state.put("fullName", fullName);
		state.put("jobTitle", jobTitle);
		state.put("role", contactRole.name());
		state.put("email", email);
		state.put("phone", phone);
		state.put("primary", primary);
		state.put("archived", archived);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Contact not saved yet");
		}
		return id;
	}

	public long customerId() {
		return customerId;
	}

	public boolean primary() {
		return primary;
	}

	public String fullName() {
		return fullName;
	}

	public long version() {
		return version;
	}
}
