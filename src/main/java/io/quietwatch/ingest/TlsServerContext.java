package io.quietwatch.ingest;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.quietwatch.config.TlsConfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/** The server side of a {@code tls} input: its certificate and key, TLS 1.2 and 1.3 only, client certificates. */
public final class TlsServerContext {
    /** The protocol versions a server accepts; a server on {@link #jdk} sets them on its connections itself. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsServerContext() {
    }

    /**
     * Reads the files and builds the context.
     *
     * @throws IllegalArgumentException naming the input and the file when a file is missing or unreadable
     */
    static SslContext build(String input, TlsConfig tls) {
        if (tls == null || tls.certFile() == null || tls.keyFile() == null) {
            throw new IllegalArgumentException("input '" + input + "': a tls input needs tls.cert_file and tls.key_file");
        }
        File cert = readable(input, "tls.cert_file", tls.certFile());
        File key = readable(input, "tls.key_file", tls.keyFile());
        SslContextBuilder b;
        try {
            b = SslContextBuilder.forServer(cert, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + input + "': cannot read the certificate " + cert + " or the key "
                    + key + " (the key must be an unencrypted PKCS#8 PEM file): " + rootMessage(e), e);
        }
        b.sslProvider(SslProvider.JDK).protocols(PROTOCOLS);
        switch (tls.clientAuth()) {
            case "none" -> b.clientAuth(ClientAuth.NONE);
            case "optional", "required" -> {
                if (tls.clientCaFile() == null) {
                    throw new IllegalArgumentException("input '" + input + "': tls.client_auth " + tls.clientAuth()
                            + " needs tls.client_ca_file");
                }
                File ca = readable(input, "tls.client_ca_file", tls.clientCaFile());
                try {
                    b.trustManager(ca);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("input '" + input + "': cannot read the CA certificates in " + ca
                            + ": " + rootMessage(e), e);
                }
                b.clientAuth("required".equals(tls.clientAuth()) ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
            }
            default -> throw new IllegalArgumentException("input '" + input + "': tls.client_auth '" + tls.clientAuth()
                    + "' is not none, optional or required");
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + input + "': cannot use the certificate " + cert + " and key "
                    + key + ": " + rootMessage(e), e);
        }
    }

    /**
     * The certificate and key as a JDK {@link javax.net.ssl.SSLContext}, for servers outside Netty (the
     * dashboard's HTTPS); {@code owner} names the server in messages. The bare context carries neither the
     * protocol versions nor the client certificate demand, which Netty sets per connection: such a server
     * must limit its connections to {@link #PROTOCOLS} (and ask for client certificates) itself.
     */
    public static javax.net.ssl.SSLContext jdk(String owner, TlsConfig tls) {
        return ((io.netty.handler.ssl.JdkSslContext) build(owner, tls)).context();
    }

    private static File readable(String input, String key, String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("input '" + input + "': " + key + " " + file + " is not a readable file");
        }
        return p.toFile();
    }

    /** The message of the innermost cause (a TLS failure is usually wrapped twice), or its class. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
