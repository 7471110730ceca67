package io.quietwatch.config;

import java.util.Locale;

/**
 * TLS of a syslog input ({@code inputs[].tls}, RFC 5425).
 *
 * @param certFile     PEM file with the server certificate, then its chain ({@code cert_file})
 * @param keyFile      PEM file with the server's private key, unencrypted PKCS#8 ({@code key_file};
 *                     {@code openssl pkcs8 -topk8 -nocrypt} converts other forms)
 * @param clientCaFile PEM file of the CAs whose client certificates are accepted ({@code client_ca_file})
 * @param clientAuth   {@code none}, {@code optional} or {@code required} ({@code client_auth}); default
 *                     {@code required} when {@code client_ca_file} is given, else {@code none}
 */
public record TlsConfig(String certFile, String keyFile, String clientCaFile, String clientAuth) {
    public TlsConfig {
        clientAuth = clientAuth == null
                ? (clientCaFile == null ? "none" : "required")
                : clientAuth.toLowerCase(Locale.ROOT);
    }
}
