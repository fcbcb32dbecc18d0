package org.formcoach.simulator.exercise;

import org.formcoach.simulator.body.Channel;

/**
 * Walking between sets: out, turn round, back, turn to face the original way. About 1.8
 * steps/s at 1.1–1.4 m/s, with the pelvis's gait oscillations: vertical bounce 1.5–2.5 cm
 * and tilt 1–2° at the step rate, obliquity and axial rotation of 3–5° and lateral sway of
 * 1–2 cm at the stride rate.
 */
final class Walk {
    /** Shortest walk that fits two turns and two legs, s. */
    static final double MIN_DURATION_S = 10;

    private Walk() {
    }

    static void perform(Choreography c, double durationS) {
        String name = Exercise.WALKING.cliName();
        double start = c.now;
        c.forwardMovementStarts(start);
        double stepHz = c.uniform(1.7, 1.9);
        double speed = c.uniform(1.1, 1.4);
        double turn = c.duration(1.2, 1.6);
        double leg = (durationS - 2 * turn) / 2;
        double ramp = 0.8;
        double phase = c.uniform(0, 2 * Math.PI);

        double t = start;
        for (int i = 0; i < 2; i++) {
            double distance = speed * (leg - ramp);
            double dx = Math.cos(c.heading) * distance;
            double dy = Math.sin(c.heading) * distance;
            c.script.cruise(Channel.HIP_X, t, t + leg, ramp, dx);
            if (Math.abs(dy) > 1e-9) {
                c.script.cruise(Channel.HIP_Y, t, t + leg, ramp, dy);
            }
            t += leg;
            double turnBy = i == 0 ? Math.PI : -Math.PI;
            c.script.moveBy(Channel.YAW, t, turn, turnBy);
            c.heading += turnBy;
            t += turn;
        }

        double end = start + durationS;
        double fade = 1.0;
        double deg = Choreography.DEG;
        c.script.oscillate(Channel.HIP_Z, start, end, fade, stepHz, c.uniform(0.015, 0.025), phase);
        c.script.oscillate(Channel.INCLINATION, start, end, fade, stepHz, c.uniform(1, 2) * deg, phase + Math.PI / 2);
        c.script.oscillate(Channel.LUMBAR_FLEXION, start, end, fade, stepHz, c.uniform(0.3, 0.8) * deg, phase);
        c.script.oscillate(Channel.OBLIQUITY, start, end, fade, stepHz / 2, c.uniform(3, 5) * deg, phase / 2);
        c.script.oscillate(Channel.YAW, start, end, fade, stepHz / 2, c.uniform(3, 5) * deg, phase / 2 + Math.PI / 2);
        c.script.oscillate(Channel.HIP_Y, start, end, fade, stepHz / 2, c.uniform(0.01, 0.02), phase / 2 + Math.PI / 2);
        c.segment(name, start, end);
        c.now = end;
    }
}
