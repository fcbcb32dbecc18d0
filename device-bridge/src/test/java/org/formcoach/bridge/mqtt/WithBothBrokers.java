package org.formcoach.bridge.mqtt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests run against both real brokers (a Mosquitto process and the
 * embedded Moquette), started once for the class: starting them costs about a second.
 */
abstract class WithBothBrokers {
    static Brokers brokers;

    @BeforeAll
    static void startBrokers() throws Exception {
        brokers = Brokers.start();
    }

    @AfterAll
    static void stopBrokers() throws Exception {
        brokers.close();
    }
}
