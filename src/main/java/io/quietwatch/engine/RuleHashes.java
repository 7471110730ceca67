package io.quietwatch.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The version of a rule file: the first 12 hex digits of the SHA-256 of its bytes. */
public final class RuleHashes {
    private RuleHashes() {
    }

    /** The short hash of a file's bytes. */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The short hash of a file's text (UTF-8). */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
