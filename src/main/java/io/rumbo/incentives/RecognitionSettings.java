package io.rumbo.incentives;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.rumbo.metrics.Metric;

/**
 * Recognition's settings ({@code rumbo.recognition.*}).
 *
 * @param badgeMeasures the measures whose quota attainment earns milestone badges (each costs a few statements per
 *        period checked; a measure nobody holds a quota of costs one)
 */
@ConfigurationProperties("rumbo.recognition")
public record RecognitionSettings(@DefaultValue({ "revenue", "margin", "new_customers", "units" }) List<String> badgeMeasures) {

	public RecognitionSettings {
		badgeMeasures = List.copyOf(badgeMeasures);
	}

	/** The badge measures as the catalogue's measures; unknown codes are ignored. */
	public List<Metric> measures() {
		return badgeMeasures.stream().flatMap(c -> Metric.ofCode(c).stream()).distinct().toList();
	}
}
