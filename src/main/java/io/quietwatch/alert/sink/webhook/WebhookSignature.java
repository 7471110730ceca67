package io.quietwatch.alert.sink.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature: {@code X-QuietWatch-Signature: sha256=<hex>} where {@code <hex>} is the
 * lower-case hex HMAC-SHA256, keyed with {@code hmac_secret}'s UTF-8 bytes, of the ASCII decimal
 * value of {@code X-QuietWatch-Timestamp} (Unix seconds), a full stop, and the raw body bytes.
 * A receiver recomputes it over the bytes it received, compares in constant time, and refuses
 * time stamps more than a few minutes old so that a captured request cannot be replayed later.
 */
public final class WebhookSignature {
    /** Header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-QuietWatch-Signature";
    /** Header carrying the signed time stamp. */
    public static final String TIMESTAMP_HEADER = "X-QuietWatch-Timestamp";

    private WebhookSignature() {
    }

    /** {@code sha256=<hex>} for {@code body} sent at {@code epochSeconds}. */
    public static String sign(byte[] key, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
