package org.formcoach.cli.terminal;

import java.util.Locale;

import org.formcoach.cli.live.LiveStatus;
import org.formcoach.engine.coach.Exercise;

/**
 * Guides one wearer through calibration from what the coach says: its phase tells whether
 * it waits for quiet standing ("calibrating: stand still") or for the first forward
 * movement ("calibrating: hinge forward"). Standing still gets a countdown of the quiet time
 * the coach needs, restarted when it runs out without the coach being satisfied (the wearer
 * moved); once calibrated, a short "go". A calibration dropped later (a gap, the sensor
 * moved, a recalibration asked for) puts the coach back into its calibrating phases, and the
 * prompts come back by themselves. Times are the device's clock.
 */
public final class CalibrationPrompt {
    /** What the prompt is about; the plain-line view prints a line when this changes. */
    public enum Stage { WAITING, STAND_STILL, MOVE_FORWARD, CALIBRATED_NOW, NONE }

    /** How long "calibrated" stays up, device seconds. */
    static final double CALIBRATED_SHOWN_S = 3;

    private final double quietSeconds;
    private Stage stage = Stage.WAITING;
    private double stageSince = Double.NaN;
    private double countdownFrom = Double.NaN;

    /** @param quietSeconds the quiet standing the coach needs ({@code calibration.quiet_s}) */
    public CalibrationPrompt(double quietSeconds) {
        this.quietSeconds = quietSeconds;
    }

    /** Updates the stage from the latest status and returns the prompt, or null when there is nothing to ask. */
    public String update(LiveStatus s) {
        if (!s.seen()) {
            stage = Stage.WAITING;
            return "waiting for the sensor: is it switched on and connected?";
        }
        double t = s.t();
        Stage next;
        if (s.calibrated()) {
            if (stage == Stage.STAND_STILL || stage == Stage.MOVE_FORWARD) {
                next = Stage.CALIBRATED_NOW;
            } else if (stage == Stage.CALIBRATED_NOW && t - stageSince < CALIBRATED_SHOWN_S) {
                next = Stage.CALIBRATED_NOW;
            } else {
                next = Stage.NONE;
            }
        } else if (s.phase().contains("stand")) {
            next = Stage.STAND_STILL;
        } else {
            next = Stage.MOVE_FORWARD;
        }
        if (next != stage) {
            stage = next;
            stageSince = t;
            countdownFrom = t;
        }
        return switch (stage) {
            case STAND_STILL -> standStill(t);
            case MOVE_FORWARD -> moveForward(s.exercise());
            case CALIBRATED_NOW -> "calibrated: go ahead with your " + s.exercise().cliName();
            default -> null;
        };
    }

    private String standStill(double t) {
        double left = quietSeconds - (t - countdownFrom);
        if (left <= -0.5) {
            countdownFrom = t;
            left = quietSeconds;
        }
        long n = (long) Math.ceil(Math.max(0, left));
        return String.format(Locale.ROOT, "stand tall and still, arms relaxed… %s",
                n > 0 ? Long.toString(n) : "hold it");
    }

    private static String moveForward(Exercise ex) {
        return switch (ex) {
            case HINGE -> "now hinge forward slowly once (or start your first rep)";
            case SQUAT -> "now squat down slowly once (or start your first rep)";
            case PLANK -> "now get down into your plank: the first forward movement finishes calibration";
            case BIRD_DOG -> "now get down on hands and knees: the first forward movement finishes calibration";
        };
    }

    /** The stage after the last {@link #update}. */
    public Stage stage() {
        return stage;
    }

    /** The prompt for a plain log line when the stage changes (no countdown), or null. */
    public String lineFor(Stage s, Exercise ex) {
        return switch (s) {
            case STAND_STILL -> String.format(Locale.ROOT, "calibrating: stand tall and still for %.0f s", quietSeconds);
            case MOVE_FORWARD -> "calibrating: " + moveForward(ex);
            default -> null;
        };
    }
}
