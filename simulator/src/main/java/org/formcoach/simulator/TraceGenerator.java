package org.formcoach.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.formcoach.engine.sample.Placement;
import org.formcoach.engine.sample.Sample;
import org.formcoach.simulator.body.BodyTrajectory;
import org.formcoach.simulator.body.Channel;
import org.formcoach.simulator.body.DecimationFilter;
import org.formcoach.simulator.body.Physiology;
import org.formcoach.simulator.body.SensorSite;
import org.formcoach.simulator.body.SensorSynthesizer;
import org.formcoach.simulator.body.SensorTruth;
import org.formcoach.simulator.body.UnitQuaternion;
import org.formcoach.simulator.exercise.Choreography;
import org.formcoach.simulator.exercise.PlannedLabels;
import org.formcoach.simulator.exercise.Routine;
import org.formcoach.simulator.fault.FaultPlanner;
import org.formcoach.simulator.labels.Labels;
import org.formcoach.simulator.sensor.SensorErrorModel;
import org.formcoach.simulator.timing.TimingFaultEvent;
import org.formcoach.simulator.timing.TimingFaultInjector;

/**
 * Generates a synthetic trace: plans the movement, renders the body at ≥ 1 kHz, adds the
 * physiological layers, synthesises each sensor, passes the readings through the sensor
 * error model and the timing-fault injector, and writes the labels in the device's time
 * axis.
 *
 * <p>Randomness: one {@link SplittableRandom} from the seed, split once per concern in a
 * fixed order (the body's movement, the faults, anatomy, physiology, environment, each
 * possible placement, timing). So the movement does not change when faults, sensors, the
 * preset or timing faults change, and a sensor's own draws do not depend on which other
 * sensors are present.
 */
public final class TraceGenerator {
    /** The truth is synthesised at least this fast, Hz. */
    static final double MIN_TRUTH_RATE_HZ = 1000;
    /** Earth field magnitude, µT. */
    static final double EARTH_FIELD_UT = 50;

    private TraceGenerator() {
    }

    public static GeneratedTrace generate(Scenario scenario) {
        SplittableRandom root = new SplittableRandom(scenario.seed());
        SplittableRandom bodyRng = root.split();
        SplittableRandom faultRng = root.split();
        SplittableRandom anatomyRng = root.split();
        SplittableRandom physiologyRng = root.split();
        SplittableRandom environmentRng = root.split();
        Map<Placement, SplittableRandom> placementRng = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            placementRng.put(p, root.split());
        }
        SplittableRandom timingRng = root.split();

        // 1. Plan.
        FaultPlanner planner = new FaultPlanner(scenario.faults(), faultRng.split());
        Choreography plan = Routine.plan(new Routine.Plan(scenario.exercise(), scenario.variant(), scenario.reps(),
                scenario.holdS(), scenario.durationS()), bodyRng, faultRng, planner);
        double traceEnd = plan.now();

        // 2. Render the body at the truth rate, with a margin for the filter at both ends.
        double rate = scenario.rateHz();
        int decimation = Math.max(2, (int) Math.ceil(MIN_TRUTH_RATE_HZ / rate - 1e-9));
        double truthRate = rate * decimation;
        DecimationFilter filter = new DecimationFilter(decimation);
        int outputs = (int) Math.floor(traceEnd * rate + 1e-9) + 1;
        int pad = filter.halfLength() + 2;
        int length = pad + (outputs - 1) * decimation + 1 + pad;
        BodyTrajectory body = BodyTrajectory.render(plan.script(), -pad / truthRate, truthRate, length);
        new Physiology(physiologyRng).applyTo(body);
        body.computeActivity();

        // 3. Sensors.
        SensorSite.Back back = SensorSite.Back.draw(anatomyRng);
        double[] magWorld = scenario.magnetometer() ? earthField(environmentRng) : null;
        SensorSynthesizer synthesizer = new SensorSynthesizer(body, filter, pad, decimation, outputs);
        Map<Placement, SensorTruth> truths = new EnumMap<>(Placement.class);
        Map<Placement, SensorErrorModel> errors = new EnumMap<>(Placement.class);
        for (Placement p : scenario.placements()) {
            SplittableRandom own = placementRng.get(p);
            SplittableRandom mountRng = own.split();
            SplittableRandom staRng = own.split();
            SplittableRandom errorRng = own.split();
            UnitQuaternion mounting = scenario.mounting().draw(mountRng);
            double staRms = Math.toRadians(0.15 + 0.35 * staRng.nextDouble());
            truths.put(p, synthesizer.synthesize(back.site(p), mounting, staRms, staRng, magWorld));
            errors.put(p, new SensorErrorModel(scenario.preset(), rate, errorRng));
        }

        // 4. The clean stream in true time, through each part's errors, then the timing faults.
        List<Placement> order = new ArrayList<>(scenario.placements());
        order.sort(null);
        List<Sample> clean = new ArrayList<>(outputs * order.size());
        for (int k = 0; k < outputs; k++) {
            double t = k / rate;
            for (Placement p : order) {
                SensorTruth s = truths.get(p);
                Sample sample = new Sample().set(t, p, s.ax()[k], s.ay()[k], s.az()[k], s.gx()[k], s.gy()[k], s.gz()[k]);
                if (s.hasMag()) {
                    sample.setMag(s.mx()[k], s.my()[k], s.mz()[k]);
                }
                errors.get(p).apply(sample);
                clean.add(sample);
            }
        }
        TimingFaultInjector injector = new TimingFaultInjector(scenario.timing(), rate, timingRng);
        List<TimingFaultEvent> timingLog = new ArrayList<>();
        List<Sample> delivered = injector.apply(clean, timingLog);

        // 5. Ground truth and labels.
        GroundTruth truth = groundTruth(body, synthesizer, outputs, rate, truths);
        Labels labels = labels(scenario, plan, body, truths, injector, timingLog, outputs, rate);
        return new GeneratedTrace(scenario, delivered, labels, truth);
    }

    /** 50 µT with an inclination of 55–70° (mid latitudes, north) and north at a random azimuth. */
    private static double[] earthField(SplittableRandom rng) {
        double inclination = Math.toRadians(55 + 15 * rng.nextDouble());
        double azimuth = 2 * Math.PI * rng.nextDouble();
        double horizontal = EARTH_FIELD_UT * Math.cos(inclination);
        return new double[]{horizontal * Math.cos(azimuth), horizontal * Math.sin(azimuth),
                -EARTH_FIELD_UT * Math.sin(inclination)};
    }

    private static GroundTruth groundTruth(BodyTrajectory body, SensorSynthesizer synthesizer, int outputs,
                                           double rate, Map<Placement, SensorTruth> truths) {
        double[] time = new double[outputs];
        double[] incl = new double[outputs];
        double[] lumbar = new double[outputs];
        double[] roll = new double[outputs];
        double[] yaw = new double[outputs];
        double[] obl = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            int i = synthesizer.truthIndex(k);
            time[k] = k / rate;
            incl[k] = Math.toDegrees(body.channel(Channel.INCLINATION)[i]);
            lumbar[k] = Math.toDegrees(body.channel(Channel.LUMBAR_FLEXION)[i]);
            roll[k] = Math.toDegrees(body.channel(Channel.ROLL)[i]);
            yaw[k] = Math.toDegrees(body.channel(Channel.YAW)[i]);
            obl[k] = Math.toDegrees(body.channel(Channel.OBLIQUITY)[i]);
        }
        return new GroundTruth(time, incl, lumbar, roll, yaw, obl, truths);
    }

    private static Labels labels(Scenario scenario, Choreography plan, BodyTrajectory body,
                                 Map<Placement, SensorTruth> truths, TimingFaultInjector clock,
                                 List<TimingFaultEvent> timingLog, int outputs, double rate) {
        List<String> sensors = new ArrayList<>();
        Map<String, UnitQuaternion> rotations = new LinkedHashMap<>();
        List<Placement> order = new ArrayList<>(scenario.placements());
        order.sort(null);
        for (Placement p : order) {
            sensors.add(p.traceName());
            rotations.put(p.traceName(), truths.get(p).mounting());
        }
        double lastTime = (outputs - 1) / rate;
        double start = clock.deviceTime(0);
        double ffm = plan.firstForwardMovement();
        Labels.Calibration calibration = new Labels.Calibration(start,
                clock.deviceTime(Math.min(plan.quietEnd(), lastTime)),
                Double.isNaN(ffm) ? null : clock.deviceTime(ffm));

        List<Labels.Segment> segments = new ArrayList<>();
        for (PlannedLabels.Segment s : plan.segments()) {
            segments.add(new Labels.Segment(s.exercise(), clock.deviceTime(s.start()), clock.deviceTime(s.end())));
        }
        double[] incl = body.channel(Channel.INCLINATION);
        double[] lumbar = body.channel(Channel.LUMBAR_FLEXION);
        List<Labels.Rep> reps = new ArrayList<>();
        for (PlannedLabels.Rep r : plan.reps()) {
            int i0 = body.indexAtOrAfter(r.start());
            int i1 = body.indexAtOrAfter(r.end());
            double peakIncl = Double.NEGATIVE_INFINITY;
            double peakLumbar = Double.NEGATIVE_INFINITY;
            for (int i = i0; i <= i1; i++) {
                peakIncl = Math.max(peakIncl, incl[i]);
                peakLumbar = Math.max(peakLumbar, lumbar[i]);
            }
            reps.add(new Labels.Rep(r.rep(), r.exercise(), clock.deviceTime(r.start()), clock.deviceTime(r.end()),
                    r.side(), r.faults().stream().map(f -> f.contractName()).toList(),
                    Math.toDegrees(peakIncl), Math.toDegrees(peakLumbar)));
        }
        List<Labels.Fault> faults = new ArrayList<>();
        for (PlannedLabels.Fault f : plan.faultLabels()) {
            faults.add(new Labels.Fault(f.type().contractName(), f.exercise(), f.rep(), clock.deviceTime(f.onset()),
                    clock.deviceTime(f.halfPeak()), clock.deviceTime(f.peak()), clock.deviceTime(f.end()),
                    f.peakDeg(), f.angle(), f.pelvisTiltDeg(), Double.isNaN(f.heightCm()) ? null : f.heightCm()));
        }
        faults.sort((a, b) -> Double.compare(a.onset(), b.onset()));
        List<Labels.Hold> holds = new ArrayList<>();
        for (PlannedLabels.Hold h : plan.holds()) {
            holds.add(new Labels.Hold(h.exercise(), h.rep(), clock.deviceTime(h.start()), clock.deviceTime(h.end())));
        }
        List<Labels.TimingFault> timing = new ArrayList<>();
        for (TimingFaultEvent e : timingLog) {
            timing.add(new Labels.TimingFault(e.kind(), e.startS(), e.endS(), e.samples()));
        }
        return new Labels(Labels.FORMAT_VERSION, Labels.GENERATOR, scenario.seed(), scenario.exercise().cliName(),
                scenario.variant() == null ? null : scenario.variant().cliName(), sensors,
                scenario.mounting().cliName(), rotations, scenario.preset().cliName(), rate,
                scenario.magnetometer(), scenario.faults().toString(), scenario.timingText(),
                clock.deviceTime(lastTime) - start, calibration, segments, reps, faults, holds, timing);
    }
}
