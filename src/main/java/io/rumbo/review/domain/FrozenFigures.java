package io.rumbo.review.domain;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a shared review as they stood at sharing, one JSON document per review, written once. Kept out of
 * the entity: it is read whole and only for shared reviews.
 */
@Component
public class FrozenFigures {

	private final JdbcClient jdbc;

	FrozenFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void freeze(long reviewId, String json) {
		jdbc.sql("INSERT INTO review_frozen_figures (review_id, figures) VALUES (:id, :figures)")
			.param("id", reviewId)
			.param("figures", json)
			.update();
	}

	public Optional<String> of(long reviewId) {
		return jdbc.sql("SELECT figures FROM review_frozen_figures WHERE review_id = :id")
			.param("id", reviewId)
			.query(String.class)
			.optional();
	}
}
