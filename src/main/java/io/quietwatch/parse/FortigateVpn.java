package io.quietwatch.parse;

import io.quietwatch.event.LogEvent;

import static io.quietwatch.parse.FortigateKeys.ACTION;
import static io.quietwatch.parse.FortigateKeys.ASSIGNIP;
import static io.quietwatch.parse.FortigateKeys.EAPUSER;
import static io.quietwatch.parse.FortigateKeys.TUNNELIP;
import static io.quietwatch.parse.FortigateKeys.USER;
import static io.quietwatch.parse.FortigateKeys.XAUTHUSER;
import static io.quietwatch.parse.FortigateValues.addressOrNull;

/**
 * VPN event logs ({@code type=event subtype=vpn}): SSL-VPN and IPsec tunnels. The remote end
 * ({@code remip}, the user's public address) is the source and the FortiGate's own address
 * ({@code locip}) the destination; {@code tunnelip} (SSL-VPN) or {@code assignip} (IPsec dial-up) is
 * the address handed to the user, which VPN user attribution maps to the user for the session.
 * {@code tunnel-up} starts a session, {@code tunnel-down} ends it with duration and bytes, and
 * actions naming a failure ({@code ssl-login-fail}, ...) are denied logins. IPsec logs put the peer's
 * IKE id in {@code user}, so an XAuth or EAP user, when logged, names the person instead.
 */
final class FortigateVpn {
    private FortigateVpn() {
    }

    /** The address the tunnel was given ({@code tunnelip}, else {@code assignip}), or null. */
    static String assigned(FortigateFields f) {
        String assigned = addressOrNull(f, TUNNELIP);
        return assigned != null ? assigned : addressOrNull(f, ASSIGNIP);
    }

    /** The user: {@code xauthuser}, else {@code eapuser}, else {@code user}. */
    static String user(FortigateFields f) {
        return f.has(XAUTHUSER) ? f.text(XAUTHUSER) : f.has(EAPUSER) ? f.text(EAPUSER) : f.text(USER);
    }

    /** {@code start} for tunnel-up, {@code end} for tunnel-down. */
    static String phase(FortigateFields f) {
        if (f.is(ACTION, "tunnel-up")) {
            return LogEvent.START;
        }
        return f.is(ACTION, "tunnel-down") ? LogEvent.END : null;
    }

    /** Allowed for the tunnel actions, denied for an action naming a failure. */
    static String outcome(FortigateFields f) {
        if (f.is(ACTION, "tunnel-up") || f.is(ACTION, "tunnel-down") || f.is(ACTION, "tunnel-stats")) {
            return LogEvent.ALLOWED;
        }
        if (!f.has(ACTION)) {
            return null;
        }
        String s = f.line();
        int from = f.from(ACTION);
        int to = f.to(ACTION);
        for (int i = from; i + 4 <= to; i++) {
            if (s.regionMatches(true, i, "fail", 0, 4)) {
                return LogEvent.DENIED;
            }
        }
        return null;
    }
}
