package io.rumbo.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricUnit;
import io.rumbo.shared.web.Formats;

/**
 * The citation of an award decided by rule, in the reader's language with the figure formatted for their locale. The
 * award keeps the text written at the decision (for the audit trail and the API's history); pages and lists show this
 * one, so a Spanish reader does not read a citation the nightly job wrote in English.
 */
@Component
class RuleCitations {

	private final MessageSource messages;
	private final Formats fmt;

	RuleCitations(MessageSource messages, Formats fmt) {
		this.messages = messages;
		this.fmt = fmt;
	}

	/**
	 * The citation: the kind's name, the measure named as inside a sentence ("the best net revenue", not "the best Net
	 * revenue"), the figure (money with the company's currency, as every money figure; an attainment in percent) and
	 * the period.
	 */
	String of(AwardBasis basis, String kindName, String measure, BigDecimal value, String period) {
		Locale locale = LocaleContextHolder.getLocale();
		Metric metric = Metric.ofCode(measure).orElseThrow();
		return messages.getMessage("incentives.recognition.award.ruleCitation." + basis, new Object[] { kindName,
				inSentence(metric, locale), figure(basis, metric, value, locale), period }, locale);
	}

	/** The measure's name for the middle of a sentence, in the reader's language. */
	String inSentence(Metric metric, Locale locale) {
		return messages.getMessage("incentives.recognition.measure." + metric.code(), null, locale);
	}

	private String figure(AwardBasis basis, Metric metric, BigDecimal value, Locale locale) {
		if (basis != AwardBasis.ATTAINMENT && metric.unit() == MetricUnit.MONEY) {
			return fmt.money(value);
		}
		int scale = basis == AwardBasis.ATTAINMENT ? 2 : metric.scale();
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		return format.format(value.setScale(scale, RoundingMode.HALF_UP));
	}
}
