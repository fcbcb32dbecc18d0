package org.formcoach.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.formcoach.bridge.serial.SerialPorts;

import picocli.CommandLine.Command;

/** {@code formcoach ports}: the serial ports this machine has, for {@code live --serial}. */
@Command(name = "ports",
        header = "List the serial ports to give to live --serial.",
        mixinStandardHelpOptions = true,
        description = {"Lists the serial ports: the name to give 'live --serial', and what the system says each is."},
        footer = {"", "Examples:",
                "  formcoach ports",
                "  formcoach live --serial /dev/ttyUSB0 --exercise hinge"})
public final class PortsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<SerialPorts.PortInfo> ports = SerialPorts.list();
        if (ports.isEmpty()) {
            System.out.println("no serial ports found (plug the sensor in; a socat pty is not listed but works by path)");
            return ExitCodes.OK;
        }
        for (SerialPorts.PortInfo p : ports) {
            StringBuilder line = new StringBuilder(p.path());
            line.append("  ").append(blankIfNull(p.description()));
            if (p.manufacturer() != null && !p.manufacturer().isBlank() && !p.manufacturer().equals("Unknown")) {
                line.append(", ").append(p.manufacturer());
            }
            if (p.vendorId() > 0) {
                line.append(String.format(" [%04x:%04x]", p.vendorId(), p.productId()));
            }
            if (p.serialNumber() != null && !p.serialNumber().isBlank() && !p.serialNumber().equals("Unknown")) {
                line.append(" serial ").append(p.serialNumber());
            }
            System.out.println(line);
        }
        return ExitCodes.OK;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
