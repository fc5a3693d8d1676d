package io.rumbo.shared.domain;

/**
 * A record does not exist, or exists outside the caller's data scope: both answer the same,
 * so that existence does not leak.
 */
public class NotFoundException extends RuntimeException {

	private final String resource;

	public NotFoundException(String resource, Object id) {
		super(resource + " " + id + " not found");
		this.resource = resource;
	}

	public String resource() {
		return resource;
	}
}
