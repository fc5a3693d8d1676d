package io.rumbo.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The pipeline's stage configuration: the stages are rows (a company may rename and re-weight them), read in their
 * board order. The first stage is where new opportunities start.
 */
@Service
public class PipelineStages {

	private final JdbcClient jdbc;

	PipelineStages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Stage> list() {
		return jdbc.sql("SELECT code, name_es, name_en, probability, position, outcome FROM sales_stage ORDER BY position")
			.query((rs, n) -> new Stage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6)))
			.list();
	}

	/** The stages by code, in board order. */
	@Transactional(readOnly = true)
	public Map<String, Stage> byCode() {
		Map<String, Stage> byCode = new LinkedHashMap<>();
		list().forEach(s -> byCode.put(s.code(), s));
		return byCode;
	}

	/** The stage of a code a user sent; an unknown code is a validation error on the field {@code stage}. */
	@Transactional(readOnly = true)
	public Stage of(String code) {
		Stage stage = byCode().get(code);
		if (stage == null) {
			throw ValidationFailedException.of("stage", "sales.opportunity.stage.unknown", code);
		}
		return stage;
	}

	@Transactional(readOnly = true)
	public Stage first() {
		return list().get(0);
	}
}
