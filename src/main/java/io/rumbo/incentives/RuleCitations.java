package io.rumbo.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.rumbo.metrics.Metric;

/**
 * The citation of an award decided by rule, in the reader's language with the figure formatted for their locale. The
 * award keeps the text written at the decision (for the audit trail and the API's history); pages and lists show this
 * one, so a Spanish reader does not read a citation the nightly job wrote in English.
 */
@Component
class RuleCitations {

	private final MessageSource messages;

	RuleCitations(MessageSource messages) {
		this.messages = messages;
	}

	String of(AwardBasis basis, String kindName, String measure, BigDecimal value, String period) {
		Locale locale = LocaleContextHolder.getLocale();
		Metric metric = Metric.ofCode(measure).orElseThrow();
		int scale = basis == AwardBasis.ATTAINMENT ? 2 : metric.scale();
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		return messages.getMessage("incentives.recognition.award.ruleCitation." + basis, new Object[] { kindName,
				messages.getMessage(metric.messageKey(), null, locale), format.format(value.setScale(scale,
						RoundingMode.HALF_UP)), period }, locale);
	}
}
