package org.formcoach.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The harness itself, briefly, with the real parts (Mosquitto, socat, the live session):
 * every marked sample answered once, by the echo and by the engine, nothing unexpected.
 * Latency is measured by benchmarks/run-e2e.sh, not asserted here.
 */
class EndToEndLatencyTest {
    private static void assertEveryMarkedSampleAnswered(List<EndToEndLatency.Outcome> outcomes) {
        assertEquals(2, outcomes.size());
        assertEquals("echo", outcomes.get(0).mode());
        assertEquals("engine", outcomes.get(1).mode());
        for (EndToEndLatency.Outcome o : outcomes) {
            Latencies l = o.latencies();
            assertTrue(l.expected() > 0, o.mode() + ": no marked sample in the window");
            assertEquals(l.expected(), l.answered(), o.mode() + " lost answers; " + o.notes());
            assertEquals(0, l.unexpected(), o.mode() + " answered unmarked samples; " + o.notes());
            assertTrue(l.millisAt(50) > 0);
        }
    }

    @Test
    void shouldTimeEveryAnswerOverMosquittoForTheEchoAndTheEngine() throws Exception {
        assertEveryMarkedSampleAnswered(EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "3", "--connections", "2", "--warmup", "9", "--duration", "3"}))
                .get(0));
    }

    @Test
    void shouldSplitEveryMqttAnswerWhereTheEngineDecidedOrTheEchoSawTheMark() throws Exception {
        List<EndToEndLatency.Outcome> outcomes = EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "3", "--warmup", "9", "--duration", "3"})).get(0);
        assertEveryMarkedSampleAnswered(outcomes);
        for (EndToEndLatency.Outcome o : outcomes) {
            Latencies l = o.latencies();
            assertEquals(l.answered(), l.splitAnswers(), o.mode() + ": " + l.split());
            assertTrue(l.split().startsWith("publish → decided"), l.split());
        }
    }

    @Test
    void shouldTimeEveryAnswerInBatchesOfSamples() throws Exception {
        assertEveryMarkedSampleAnswered(EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "4", "--batch", "10", "--warmup", "9", "--duration", "3"}))
                .get(0));
    }

    @Test
    void shouldLetTheEchoDecodeAndCoachEveryMessageBeforeAnsweringWhenAsked() throws Exception {
        EndToEndLatency.Outcome echo = EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "2", "--mode", "echo", "--echo-work", "coach", "--warmup", "9",
                "--duration", "3"})).get(0).get(0);
        Latencies l = echo.latencies();
        assertTrue(l.expected() > 0, "no marked sample in the window");
        assertEquals(l.expected(), l.answered(), "lost answers; " + echo.notes());
        java.util.regex.Matcher published = java.util.regex.Pattern.compile("(\\d+) samples published").matcher(echo.notes());
        java.util.regex.Matcher coached = java.util.regex.Pattern.compile("coached (\\d+) samples").matcher(echo.notes());
        assertTrue(published.find() && coached.find(), echo.notes());
        assertEquals(published.group(1), coached.group(1), "every sample decoded and coached: " + echo.notes());
    }

    @Test
    void shouldRunThePlainEchoAgainInPlaceOfTheEngineWhenAskedForEchoEcho() throws Exception {
        List<List<EndToEndLatency.Outcome>> rounds = EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "2", "--mode", "echo-echo", "--warmup", "9", "--duration", "2"}));
        for (List<EndToEndLatency.Outcome> round : rounds) {
            assertEquals(List.of("echo", EndToEndLatency.ECHO_AGAIN),
                    round.stream().map(EndToEndLatency.Outcome::mode).toList());
            for (EndToEndLatency.Outcome o : round) {
                Latencies l = o.latencies();
                assertTrue(l.expected() > 0, o.mode() + ": no marked sample in the window");
                assertEquals(l.expected(), l.answered(), o.mode() + " lost answers; " + o.notes());
                assertTrue(o.notes().contains("samples published") && !o.notes().contains("engine:"),
                        "no engine ran: " + o.notes());
            }
        }
    }

    @Test
    void shouldTimeEveryAnswerOverASerialPty() throws Exception {
        assertEveryMarkedSampleAnswered(EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "serial", "--warmup", "9", "--duration", "3"})).get(0));
    }

    @Test
    void shouldRunEachModeOnceARoundAndPoolEveryAnswerOfTheRounds() throws Exception {
        List<List<EndToEndLatency.Outcome>> rounds = EndToEndLatency.run(EndToEndLatency.parse(new String[]{
                "--transport", "mqtt", "--devices", "2", "--warmup", "9", "--duration", "2", "--rounds", "2"}));
        assertEquals(2, rounds.size());
        rounds.forEach(EndToEndLatencyTest::assertEveryMarkedSampleAnswered);
        List<EndToEndLatency.Outcome> pooled = EndToEndLatency.pool(rounds);
        assertEveryMarkedSampleAnswered(pooled);
        for (int m = 0; m < 2; m++) {
            long answered = rounds.get(0).get(m).latencies().answered() + rounds.get(1).get(m).latencies().answered();
            assertEquals(answered, pooled.get(m).latencies().answered());
        }
    }
}
