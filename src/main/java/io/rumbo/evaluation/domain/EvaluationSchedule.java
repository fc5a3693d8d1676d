package io.rumbo.evaluation.domain;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the nightly record of scorecards whose acknowledgement deadline passed. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvaluationSchedule {
}
