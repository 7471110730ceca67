package io.quietwatch.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable alert ids: the first 128 bits of SHA-256 over the detection and the incident key, in hex.
 * The same incident (same detection, same key) always gets the same id, on any machine and across
 * restarts, so downstream systems can use it to drop repeats.
 */
public final class AlertIds {
    private AlertIds() {
    }

    /** The id of an incident. */
    public static String of(String detection, String incidentKey) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        sha.update(detection.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(incidentKey.getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha.digest();
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
