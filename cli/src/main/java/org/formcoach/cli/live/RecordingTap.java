package org.formcoach.cli.live;

import java.util.function.Consumer;

import org.formcoach.bridge.live.BridgeEvent;
import org.formcoach.bridge.live.CoachedDevice;
import org.formcoach.bridge.live.LiveListener;
import org.formcoach.bridge.live.SampleTap;
import org.formcoach.cli.record.SessionRecorder;
import org.formcoach.engine.coach.CoachEvent;
import org.formcoach.engine.sample.Sample;

/**
 * Wires a {@link SessionRecorder} into a live session: every sample of the recorded device
 * goes to the recorder just before its coach sees it, and every coach event of that device
 * after. A trace holds one wearer, so one device is recorded: the one asked for, else the
 * first to send a sample; others are coached as usual and a note says they are not recorded.
 * Everything runs in the engine (one thread at a time), as the recorder requires.
 */
public final class RecordingTap implements SampleTap, LiveListener {
    private final SessionRecorder recorder;
    private final Consumer<String> notes;
    private String device;
    private int recordedIndex = -1;
    private long notRecordedWarned;

    /**
     * @param device the device to record, or null for the first one seen
     * @param notes  where to say that another device is not recorded (the engine)
     */
    public RecordingTap(SessionRecorder recorder, String device, Consumer<String> notes) {
        this.recorder = recorder;
        this.device = device;
        this.notes = notes;
    }

    @Override
    public void beforeCoach(CoachedDevice d, Sample sample) {
        if (recordedIndex < 0) {
            if (device == null || device.equals(d.id())) {
                device = d.id();
                recordedIndex = d.index();
            } else {
                warnNotRecorded(d);
                return;
            }
        }
        if (d.index() == recordedIndex) {
            recorder.recordSample(sample);
        } else {
            warnNotRecorded(d);
        }
    }

    private void warnNotRecorded(CoachedDevice d) {
        long bit = d.index() < 64 ? 1L << d.index() : Long.MIN_VALUE;
        if ((notRecordedWarned & bit) == 0) {
            notRecordedWarned |= bit;
            notes.accept("device " + d.id() + " is coached but not recorded (the recording holds "
                    + (device == null ? "the first device" : device) + ")");
        }
    }

    @Override
    public void coachEvent(String from, CoachEvent event) {
        if (from.equals(device)) {
            recorder.recordEvent(event);
        }
    }

    @Override
    public void bridgeEvent(BridgeEvent event) {
    }
}
