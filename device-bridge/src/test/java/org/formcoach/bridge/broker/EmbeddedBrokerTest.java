package org.formcoach.bridge.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import org.formcoach.bridge.testing.FreePort;

class EmbeddedBrokerTest {
    @Test
    void shouldRefuseToOpenABrokerToTheNetworkWithoutCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.start("0.0.0.0", FreePort.find(), null, null));
        assertTrue(e.getMessage().contains("username and password"), e.getMessage());
    }

    @Test
    void shouldAcceptAnonymousClientsOnLoopback() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.startLocal(FreePort.find())) {
            assertEquals("127.0.0.1", broker.host());
            MqttClient c = new MqttClient(broker.url(), "anon", new MemoryPersistence());
            c.connect();
            assertTrue(c.isConnected());
            c.disconnect();
            c.close();
        }
    }

    @Test
    void shouldCheckTheUsernameAndPasswordWhenGiven() throws Exception {
        int port = FreePort.find();
        try (EmbeddedBroker broker = EmbeddedBroker.start("0.0.0.0", port, "coach", "s3cret".toCharArray())) {
            String url = "tcp://127.0.0.1:" + port;
            MqttClient wrong = new MqttClient(url, "wrong", new MemoryPersistence());
            MqttConnectOptions bad = new MqttConnectOptions();
            bad.setUserName("coach");
            bad.setPassword("guess".toCharArray());
            assertThrows(MqttException.class, () -> wrong.connect(bad));
            wrong.close();
            MqttClient none = new MqttClient(url, "none", new MemoryPersistence());
            assertThrows(MqttException.class, none::connect);
            none.close();
            MqttClient right = new MqttClient(url, "right", new MemoryPersistence());
            MqttConnectOptions good = new MqttConnectOptions();
            good.setUserName("coach");
            good.setPassword("s3cret".toCharArray());
            right.connect(good);
            assertTrue(right.isConnected());
            right.disconnect();
            right.close();
        }
    }
}
