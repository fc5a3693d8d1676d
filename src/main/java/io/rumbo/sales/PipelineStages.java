package io.rumbo.sales;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The pipeline's stage configuration: the stages are rows (a company may rename and re-weight them), read in their
 * board order. The first stage is where new opportunities start.
 * <p>
 * Every board, card and opportunity reads them, and only the database's administrator changes them (no page or API
 * does): they are kept for {@link #KEPT}, so a change made in the table shows within a minute.
 */
@Service
public class PipelineStages {

	static final Duration KEPT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private volatile @Nullable Kept kept;

	PipelineStages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Kept(List<Stage> stages, long readAt) {
	}

	public List<Stage> list() {
		Kept current = kept;
		long now = System.nanoTime();
		if (current == null || now - current.readAt() > KEPT.toNanos()) {
			current = new Kept(List.copyOf(jdbc
				.sql("SELECT code, name_es, name_en, probability, position, outcome FROM sales_stage ORDER BY position")
				.query((rs, n) -> new Stage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getString(6)))
				.list()), now);
			kept = current;
		}
		return current.stages();
	}

	/** The stages by code, in board order. */
	public Map<String, Stage> byCode() {
		Map<String, Stage> byCode = new LinkedHashMap<>();
		list().forEach(s -> byCode.put(s.code(), s));
		return byCode;
	}

	/** The stage of a code a user sent; an unknown code is a validation error on the field {@code stage}. */
	public Stage of(String code) {
		Stage stage = byCode().get(code);
		if (stage == null) {
			throw ValidationFailedException.of("stage", "sales.opportunity.stage.unknown", code);
		}
		return stage;
	}

	public Stage first() {
		return list().get(0);
	}
}
