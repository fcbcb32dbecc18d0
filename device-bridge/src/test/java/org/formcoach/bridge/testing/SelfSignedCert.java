package org.formcoach.bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written as the PEM
 * files a TLS broker (Mosquitto) and the bridge's {@code --tls-ca} read.
 */
public record SelfSignedCert(Path certPem, Path keyPem) {
    public static SelfSignedCert create(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("broker.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed");
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            Certificate cert = ks.getCertificate("broker");
            Key key = ks.getKey("broker", "changeit".toCharArray());
            Path certPem = dir.resolve("broker.crt");
            Path keyPem = dir.resolve("broker.key");
            Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
            // Mosquitto started as root drops to its own user before reading these: let it read them.
            readable(dir, "rwxr-xr-x");
            readable(certPem, "rw-r--r--");
            readable(keyPem, "rw-r--r--");
            return new SelfSignedCert(certPem, keyPem);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void readable(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
