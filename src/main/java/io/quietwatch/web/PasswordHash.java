package io.quietwatch.web;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Dashboard password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, written as one string
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>} so the salt and work factor travel
 * with the hash in the config.
 */
public final class PasswordHash {
    /** The scheme name that starts every hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations for new hashes (OWASP's figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewest iterations a configured hash may have. */
    public static final int MIN_ITERATIONS = 100_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * A new hash of {@code password} with a fresh salt; throws {@link IllegalArgumentException} when
     * {@code iterations} is outside what {@link #parse} accepts.
     */
    public static String create(char[] password, int iterations) {
        checkIterations(iterations);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations, 32));
    }

    /** Reads a hash string; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static PasswordHash parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("is not a " + SCHEME + "$<iterations>$<salt>$<hash> string "
                    + "(make one with bin/quietwatch passwd)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations '" + parts[1] + "' is not a number");
        }
        checkIterations(iterations);
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("the salt or the hash is too short");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or the hash is not base64: " + e.getMessage());
        }
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code iterations} is between {@link #MIN_ITERATIONS} and
     * the most a configured hash may have.
     */
    public static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
        }
    }

    /** Whether {@code password} gives this hash (compared in constant time). */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return SCHEME + " (" + iterations + " iterations)";
    }
}
