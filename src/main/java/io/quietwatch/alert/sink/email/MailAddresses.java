package io.quietwatch.alert.sink.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.List;

/** The configured sender and recipients, parsed strictly ({@code alerts@example.org} or {@code SOC <soc@example.org>}). */
final class MailAddresses {
    private MailAddresses() {
    }

    /** Problems with {@code from}, {@code to} and {@code cc}, each naming the key. */
    static List<String> problems(EmailSinkConfig c) {
        List<String> p = new ArrayList<>();
        if (EmailSinkConfig.blank(c.from())) {
            p.add("from: is required");
        } else {
            check("from", c.from(), p);
        }
        if (c.to().isEmpty()) {
            p.add("to: at least one recipient is required");
        }
        for (String a : c.to()) {
            check("to", a, p);
        }
        for (String a : c.cc()) {
            check("cc", a, p);
        }
        return p;
    }

    private static void check(String key, String address, List<String> p) {
        try {
            one(address);
        } catch (AddressException e) {
            p.add(key + ": '" + MailText.header(address, 80) + "' is not an e-mail address (" + e.getMessage() + ")");
        }
    }

    /** Exactly one address with a domain. */
    static InternetAddress one(String address) throws AddressException {
        if (address == null || address.isBlank()) {
            throw new AddressException("empty");
        }
        for (int i = 0; i < address.length(); i++) {
            if (address.charAt(i) < ' ' || address.charAt(i) == 0x7f) {
                throw new AddressException("control character");
            }
        }
        InternetAddress[] parsed = InternetAddress.parse(address, true);
        if (parsed.length != 1) {
            throw new AddressException("expected one address, found " + parsed.length);
        }
        parsed[0].validate();
        String a = parsed[0].getAddress();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            throw new AddressException("missing @domain");
        }
        return parsed[0];
    }

    /** Every address of a list that {@link #problems} accepted. */
    static InternetAddress[] all(List<String> addresses) throws AddressException {
        InternetAddress[] out = new InternetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = one(addresses.get(i));
        }
        return out;
    }

    /** The domain of the sender address, for Message-IDs. */
    static String domain(InternetAddress from) {
        String a = from.getAddress();
        String d = a.substring(a.lastIndexOf('@') + 1);
        return d.startsWith("[") ? "quietwatch.invalid" : d;
    }
}
