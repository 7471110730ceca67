package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;
import io.quietwatch.event.LogEventBuilder;

/**
 * GLOBALPROTECT logs (PAN-OS 9.1 and later, "GlobalProtect Log Fields"): after Generated Time come
 * Virtual System, Event ID, Stage, Authentication Method, Tunnel Type, Source User, Source Region,
 * Machine Name, Public IP, Public IPv6, Private IP, Private IPv6, ..., Reason, Error, Description,
 * Status, Location, Login Duration, ..., Device Name (index 47, since 10.0). Lines need the fields up
 * to Status. PAN-OS 9.1.0 to 9.1.2 put Sequence Number and Action Flags right after Serial Number, so
 * every later field sits two places further; the caller passes that shift.
 *
 * <p>These are VPN sessions (category {@code session}): {@code gateway-connected} starts one,
 * {@code gateway-logout} and {@code gateway-config-release} end it (the logout carries the login
 * duration). The client's public address is the source, the private address the gateway assigned is
 * {@code assignedIp}, which VPN user attribution maps to the user. Status {@code success} is
 * {@code allowed}, {@code failure} {@code denied}; the stage is the action, the event id the code.
 */
final class PanOsGlobalProtect {
    static final int EVENT_ID = 8;
    static final int STAGE = 9;
    static final int SOURCE_USER = 12;
    static final int PUBLIC_IP = 15;
    static final int PUBLIC_IPV6 = 16;
    static final int PRIVATE_IP = 17;
    static final int PRIVATE_IPV6 = 18;
    static final int REASON = 25;
    static final int ERROR = 26;
    static final int DESCRIPTION = 27;
    static final int STATUS = 28;
    static final int LOGIN_DURATION = 30;
    static final int DEVICE_NAME = 47;
    /** Fields up to and including Status. */
    static final int REQUIRED = STATUS + 1;
    /** Fields up to and including Device Name. */
    static final int FIELDS = DEVICE_NAME + 1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;

    private PanOsGlobalProtect() {
    }

    /** Reads a GLOBALPROTECT log whose fields after Serial Number sit {@code shift} places late. */
    static void read(PanOsCsv f, LogEventBuilder b, int shift) {
        int found = f.ensure(FIELDS + shift);
        if (found < REQUIRED + shift) {
            throw PanOsFieldException.tooFewFields("GLOBALPROTECT", found, REQUIRED + shift);
        }
        String phase = phase(f, shift);
        b.category(LogEvent.CATEGORY_SESSION)
                .eventCode(f.text(EVENT_ID + shift))
                .action(f.text(STAGE + shift))
                .phase(phase)
                .outcome(outcome(f, STATUS + shift))
                .userName(f.text(SOURCE_USER + shift))
                .sourceIp(either(f, PUBLIC_IP + shift, "Public IP", PUBLIC_IPV6 + shift, "Public IPv6"))
                .assignedIp(either(f, PRIVATE_IP + shift, "Private IP", PRIVATE_IPV6 + shift, "Private IPv6"))
                .reason(firstText(f, ERROR + shift, REASON + shift, DESCRIPTION + shift));
        if (LogEvent.END.equals(phase)) {
            Long seconds = PanOsTraffic.count(f, LOGIN_DURATION + shift, "Login Duration");
            if (seconds != null && seconds > 0 && seconds <= MAX_SECONDS) {
                b.durationNanos(seconds * NANOS_PER_SECOND);
            }
        }
        PanOsParser.deviceName(f, DEVICE_NAME + shift, b);
    }

    private static String phase(PanOsCsv f, int shift) {
        int id = EVENT_ID + shift;
        if (f.is(id, "gateway-connected")) {
            return f.is(STATUS + shift, "failure") ? null : LogEvent.START;
        }
        if (f.is(id, "gateway-logout") || f.is(id, "gateway-config-release")) {
            return LogEvent.END;
        }
        return null;
    }

    /** {@code allowed} for status success, {@code denied} for failure. */
    static String outcome(PanOsCsv f, int status) {
        if (f.isIgnoreCase(status, "success")) {
            return LogEvent.ALLOWED;
        }
        return f.isIgnoreCase(status, "failure") ? LogEvent.DENIED : null;
    }

    /** The IPv4 field's address, else the IPv6 field's; {@code 0.0.0.0} and {@code ::} count as none. */
    private static String either(PanOsCsv f, int v4, String v4Name, int v6, String v6Name) {
        String ip = PanOsNetwork.addressUnlessZero(f, v4, v4Name);
        return ip != null ? ip : PanOsNetwork.addressUnlessZero(f, v6, v6Name);
    }

    private static String firstText(PanOsCsv f, int... fields) {
        for (int i : fields) {
            String text = f.text(i);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
