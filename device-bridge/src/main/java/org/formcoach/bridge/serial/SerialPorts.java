package org.formcoach.bridge.serial;

import java.util.ArrayList;
import java.util.List;

import com.fazecast.jSerialComm.SerialPort;

/** The serial ports the operating system knows (what {@code formcoach ports} prints). */
public final class SerialPorts {
    private SerialPorts() {
    }

    /** One port: the name to pass to {@code --serial}, and what the system says it is. */
    public record PortInfo(String path, String name, String description, String manufacturer, String serialNumber,
                           int vendorId, int productId) {
    }

    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getSystemPortName(), p.getPortDescription(),
                    p.getManufacturer(), p.getSerialNumber(), p.getVendorID(), p.getProductID()));
        }
        return out;
    }
}
