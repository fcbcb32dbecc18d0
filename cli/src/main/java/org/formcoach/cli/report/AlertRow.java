package org.formcoach.cli.report;

import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/**
 * One alert as the wearer got it, with the end of its episode.
 *
 * @param rep  the rep it happened in, 0 outside a rep
 * @param endT when the fault cleared (the episode's clear), NaN when it never did
 */
public record AlertRow(double t, Fault fault, Severity severity, double valueDeg, double thresholdDeg, int rep,
                       double endT) {
}
