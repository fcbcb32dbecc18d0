package org.formcoach.bridge.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.formcoach.bridge.wire.AlertMessage;
import org.formcoach.engine.coach.Exercise;
import org.formcoach.engine.coach.Fault;
import org.formcoach.engine.coach.Severity;

/** The alert dispatcher on its own, with a real Paho client and each real broker. */
class AlertDispatcherTest extends WithBothBrokers {
    private static final Pattern NUMBER = Pattern.compile("\"n\":(\\d+)");

    /** A dispatcher connected to the broker, its thread running, and a device that listens to its alerts. */
    private static final class Rig implements AutoCloseable {
        final String device = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        final MqttAsyncClient bridge;
        final MqttAsyncClient wearer;
        final AlertDispatcher dispatcher;
        final Thread thread;
        final List<Long> received = new ArrayList<>();

        Rig(String url) throws Exception {
            this(url, client -> client);
        }

        /** With the dispatcher's client seen through {@code wrap} (to hold an acknowledgement back). */
        Rig(String url, java.util.function.UnaryOperator<IMqttAsyncClient> wrap) throws Exception {
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setMaxInflight(1000);
            wearer = new MqttAsyncClient(url, device, new MemoryPersistence());
            wearer.connect(o).waitForCompletion(10_000);
            wearer.subscribe(Topics.alert(device), 1, (topic, message) -> {
                Matcher m = NUMBER.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
                synchronized (received) {
                    received.add(m.find() ? Long.parseLong(m.group(1)) : -1L);
                    received.notifyAll();
                }
            }).waitForCompletion(10_000);
            bridge = new MqttAsyncClient(url, "bridge-" + device, new MemoryPersistence());
            bridge.connect(o).waitForCompletion(10_000);
            dispatcher = new AlertDispatcher(wrap.apply(bridge), 1000, Duration.ofSeconds(30));
            thread = new Thread(dispatcher, "test-alerts");
            thread.start();
            dispatcher.connected(1);
            dispatcher.presence(device, 1, true);
        }

        AlertMessage alert(long number) {
            return new AlertMessage(device, true, Fault.HIP_SAG, Severity.WARN, Exercise.PLANK, number * 0.01, 9.0,
                    6.0, number, 0);
        }

        /**
         * The device's route once alert 1 went through it and the dispatcher has nothing left
         * to do (it has seen the device online, the broker acknowledged the alert).
         */
        AlertDispatcher.Route firstAlertDelivered() throws InterruptedException {
            AlertDispatcher.Route route = dispatcher.route(device);
            route.offer(alert(1));
            assertEquals(List.of(1L), awaitReceived(1));
            assertTrue(dispatcher.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos()));
            return route;
        }

        List<Long> awaitReceived(int n) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            synchronized (received) {
                while (received.size() < n && System.nanoTime() < deadline) {
                    received.wait(100);
                }
                return new ArrayList<>(received);
            }
        }

        @Override
        public void close() throws Exception {
            dispatcher.stop();
            thread.join(5000);
            bridge.disconnect().waitForCompletion(5000);
            bridge.close();
            wearer.disconnect().waitForCompletion(5000);
            wearer.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldKeepTheOrderOfAlertsWhenOneHadToQueueBehindTheBusyDispatcher(Brokers.Kind kind) throws Exception {
        try (Rig rig = new Rig(brokers.url(kind))) {
            AlertDispatcher.Route route = rig.firstAlertDelivered();

            // Alert 2 is offered (by another thread) while the dispatcher is busy, so it queues for
            // the dispatcher's thread; alert 3 comes the moment the dispatcher is free again, before
            // that thread has woken up to take alert 2.
            ReentrantLock busy = rig.dispatcher.stateLock();
            busy.lock();
            try {
                Thread offerer = new Thread(() -> route.offer(rig.alert(2)));
                offerer.start();
                offerer.join();
            } finally {
                busy.unlock();
            }
            assertTrue(route.offer(rig.alert(3)));

            assertEquals(List.of(1L, 2L, 3L), rig.awaitReceived(3));
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldDeliverEveryAlertInTheOrderOfferedWhileEarlierOnesAreStillInFlight(Brokers.Kind kind) throws Exception {
        try (Rig rig = new Rig(brokers.url(kind))) {
            AlertDispatcher.Route route = rig.dispatcher.route(rig.device);
            int n = 400;
            List<Long> offered = new ArrayList<>();
            for (long i = 1; i <= n; i++) {
                assertTrue(route.offer(rig.alert(i)));
                offered.add(i);
            }
            assertEquals(offered, rig.awaitReceived(n));
            assertTrue(rig.dispatcher.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos()));
            assertEquals(n, route.delivered());
            assertEquals(0, route.dropped());
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldPublishAnAlertFromTheOfferingThreadWhenTheDispatcherIsIdle(Brokers.Kind kind) throws Exception {
        try (Rig rig = new Rig(brokers.url(kind))) {
            AlertDispatcher.Route route = rig.firstAlertDelivered();
            long before = rig.dispatcher.publishedOnOffer();

            assertTrue(route.offer(rig.alert(2)));

            assertEquals(before + 1, rig.dispatcher.publishedOnOffer(), "published before offer returned");
            assertEquals(List.of(1L, 2L), rig.awaitReceived(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldHandleAnAcknowledgementOnTheThreadThatReportsItWhenTheDispatcherIsIdle(Brokers.Kind kind)
            throws Exception {
        try (Rig rig = new Rig(brokers.url(kind))) {
            AlertDispatcher.Route route = rig.firstAlertDelivered();
            long before = rig.dispatcher.ackedOnArrival();

            assertTrue(route.offer(rig.alert(2)));

            assertTrue(rig.dispatcher.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos()));
            assertEquals(before + 1, rig.dispatcher.ackedOnArrival(), "acknowledged where the PUBACK was reported");
            assertEquals(2, route.delivered());
        }
    }

    @ParameterizedTest
    @EnumSource(Brokers.Kind.class)
    void shouldQueueAnAcknowledgementThatArrivesWhileTheDispatcherIsBusyAndStillCountItDelivered(Brokers.Kind kind)
            throws Exception {
        CountDownLatch ackArrived = new CountDownLatch(1);
        CountDownLatch dispatcherBusy = new CountDownLatch(1);
        CountDownLatch ackReported = new CountDownLatch(1);
        // The real client, but the PUBACK of alert 2 is held on Paho's thread until the test
        // holds the dispatcher's lock, and the test learns when the dispatcher has been told.
        java.util.function.UnaryOperator<IMqttAsyncClient> holdSecondAck = real -> (IMqttAsyncClient)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{IMqttAsyncClient.class}, (proxy, method, args) -> {
                            if (method.getName().equals("publish") && args.length == 6
                                    && new String((byte[]) args[1], StandardCharsets.UTF_8).contains("\"n\":2,")) {
                                IMqttActionListener theirs = (IMqttActionListener) args[5];
                                args[5] = new IMqttActionListener() {
                                    @Override
                                    public void onSuccess(IMqttToken token) {
                                        ackArrived.countDown();
                                        await(dispatcherBusy);
                                        theirs.onSuccess(token);
                                        ackReported.countDown();
                                    }

                                    @Override
                                    public void onFailure(IMqttToken token, Throwable cause) {
                                        theirs.onFailure(token, cause);
                                    }
                                };
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        try (Rig rig = new Rig(brokers.url(kind), holdSecondAck)) {
            AlertDispatcher.Route route = rig.firstAlertDelivered();
            long before = rig.dispatcher.ackedOnArrival();
            assertTrue(route.offer(rig.alert(2)));
            assertTrue(ackArrived.await(10, TimeUnit.SECONDS), "the broker acknowledged alert 2");

            ReentrantLock busy = rig.dispatcher.stateLock();
            busy.lock();
            try {
                dispatcherBusy.countDown();
                assertTrue(ackReported.await(10, TimeUnit.SECONDS));
                assertEquals(before, rig.dispatcher.ackedOnArrival(), "a busy dispatcher is not waited for");
                assertEquals(1, route.delivered(), "not handled yet");
            } finally {
                busy.unlock();
            }

            assertTrue(rig.dispatcher.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos()));
            assertEquals(2, route.delivered());
            assertEquals(0, route.dropped());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
