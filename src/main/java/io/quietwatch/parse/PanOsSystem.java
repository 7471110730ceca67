package io.quietwatch.parse;

import io.quietwatch.event.IpAddresses;
import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * The firewall's own logs. SYSTEM: Virtual System, Event ID (the event code), Object, ..., Module,
 * Severity, Description (the reason, index 14), ..., Device Name (22). CONFIG: Host (the
 * administrator's address), Virtual System, Command (the action), Admin (the user), Client, Result (the
 * reason), ..., Device Name (21).
 *
 * <p>Before PAN-OS 9.1 GlobalProtect wrote its events as SYSTEM logs of subtype {@code globalprotect}
 * with the details in the description ({@code Login from: 198.51.100.7, User name: corp\ann, ...},
 * {@code User name: ann, Private IP: 10.8.0.5, ...}). Those are read as VPN sessions: the client
 * configuration ({@code ...-config-succ}) starts one with the assigned private address, its release or
 * the logout ends it, {@code -succ} events are allowed and {@code -fail} events denied.
 */
final class PanOsSystem {
    static final int EVENT_ID = 8;
    static final int DESCRIPTION = 14;
    static final int SYSTEM_DEVICE_NAME = 22;
    static final int HOST = 7;
    static final int COMMAND = 9;
    static final int ADMIN = 10;
    static final int RESULT = 12;
    static final int CONFIG_DEVICE_NAME = 21;

    private static final String LOGIN_FROM = "Login from: ";
    private static final String USER_NAME = "User name: ";
    private static final String PRIVATE_IP = "Private IP: ";

    private PanOsSystem() {
    }

    static void system(PanOsCsv f, LogEventBuilder b) {
        int found = f.ensure(SYSTEM_DEVICE_NAME + 1);
        if (found <= DESCRIPTION) {
            throw PanOsFieldException.tooFewFields("SYSTEM", found, DESCRIPTION + 1);
        }
        String id = f.text(EVENT_ID);
        String description = f.text(DESCRIPTION);
        b.eventCode(id).reason(description);
        if (f.is(PanOsParser.SUBTYPE, "globalprotect") && id != null && description != null) {
            legacyGlobalProtect(b, id, description);
        }
        PanOsParser.deviceName(f, SYSTEM_DEVICE_NAME, b);
    }

    static void config(PanOsCsv f, LogEventBuilder b) {
        int found = f.ensure(CONFIG_DEVICE_NAME + 1);
        if (found <= RESULT) {
            throw PanOsFieldException.tooFewFields("CONFIG", found, RESULT + 1);
        }
        String host = f.text(HOST);
        b.sourceIp(host != null && IpAddresses.isAddress(host) ? host : null)
                .action(f.text(COMMAND))
                .userName(f.text(ADMIN))
                .reason(f.text(RESULT));
        PanOsParser.deviceName(f, CONFIG_DEVICE_NAME, b);
    }

    private static void legacyGlobalProtect(LogEventBuilder b, String id, String description) {
        b.category(LogEvent.CATEGORY_SESSION)
                .userName(value(description, USER_NAME))
                .sourceIp(address(value(description, LOGIN_FROM)))
                .assignedIp(address(value(description, PRIVATE_IP)));
        if (id.endsWith("-succ")) {
            b.outcome(LogEvent.ALLOWED);
        } else if (id.endsWith("-fail")) {
            b.outcome(LogEvent.DENIED);
        }
        if (id.endsWith("gateway-config-succ")) {
            b.phase(LogEvent.START);
        } else if (id.endsWith("gateway-config-release") || id.endsWith("gateway-logout-succ")) {
            b.phase(LogEvent.END);
        }
    }

    /** The text after {@code label} up to the next comma; a full stop ending the description is dropped. */
    static String value(String description, String label) {
        int at = description.indexOf(label);
        if (at < 0) {
            return null;
        }
        int from = at + label.length();
        int comma = description.indexOf(',', from);
        int to = comma < 0 ? description.length() : comma;
        if (comma < 0 && to > from && description.charAt(to - 1) == '.') {
            to--;
        }
        String value = description.substring(from, to).strip();
        return value.isEmpty() ? null : value;
    }

    private static String address(String text) {
        return text != null && IpAddresses.isAddress(text) ? text : null;
    }
}
