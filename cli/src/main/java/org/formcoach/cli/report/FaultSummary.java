package org.formcoach.cli.report;

import org.formcoach.engine.coach.Fault;

/**
 * One fault in one exercise section: what the alerts say and, with a trace, what the
 * measured values say.
 *
 * @param warnAlerts  alerts of severity warn
 * @param faultAlerts alerts of severity fault (escalations included)
 * @param episodes    alert-to-clear episodes
 * @param inAlertS    time from each episode's first alert to its clear
 * @param atFaultS    time from each fault-severity alert to its clear
 * @param measured    time over the thresholds from the replayed values; null without a trace
 */
public record FaultSummary(Fault fault, int warnAlerts, int faultAlerts, int episodes, double inAlertS, double atFaultS,
                           FaultTime measured) {
}
